package io.openekyc.server.images;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.Http;
import io.openekyc.server.support.Pictures;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.tenants.TenantCredentials;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageUploadTest extends ServerTest {

    private TenantCredentials tenant;
    private String portal;
    private String uniqueToken;
    private long applicationId;

    @BeforeEach
    void application() {
        tenant = newTenant();
        portal = login(tenant);
        uniqueToken = init(tenant, "uploader").get("token").asString();
        applicationId = applicationId(uniqueToken);
    }

    @Test
    void uploadedImageIsDownloadableWithItsRealContentType() {
        byte[] jpeg = Pictures.jpeg(120, 90, 1);
        String imageId = uploadOk(jpeg, "vn.national_id.front");
        Http.Answer download = http.get("/portal/document/download_ekyc_file?application_id=" + applicationId
                + "&id=" + imageId, portal);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(download.raw().body()).isEqualTo(jpeg);

        Http.Answer detail = http.get("/portal/application/detail?application_id=" + applicationId + "&id=uploader", portal);
        assertThat(detail.json().get("data").get("file_ids").get("id_front_img_uuid").asString()).isEqualTo(imageId);
    }

    @Test
    void sameBytesAreStoredOncePerTenant() {
        byte[] png = Pictures.png(64, 64, 2);
        String first = uploadOk(png, "portrait");
        String second = uploadOk(png, "portrait");
        assertThat(second).isEqualTo(first);
        long tenantId = tenants.byCode(tenant.clientCode()).orElseThrow().id();
        assertThat(jdbc.sql("select count(*) from image where tenant_id = ?").param(tenantId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from image_upload where tenant_id = ?").param(tenantId)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void imagesAreEncryptedAtRest() throws Exception {
        byte[] png = Pictures.png(80, 60, 3);
        String imageId = uploadOk(png, "portrait");
        String blobKey = jdbc.sql("select blob_key from image where id = cast(? as uuid)").param(imageId)
                .query(String.class).single();
        byte[] onDisk = Files.readAllBytes(DATA_DIR.resolve("blobs").resolve(blobKey));
        assertThat(onDisk.length).isGreaterThan(png.length);
        assertThat(indexOf(onDisk, Arrays.copyOfRange(png, 0, 8))).isEqualTo(-1);
        assertThat(indexOf(onDisk, Arrays.copyOfRange(png, png.length / 2, png.length / 2 + 16))).isEqualTo(-1);
        // Metadata may hold PII: it is stored encrypted too.
        http.upload("/portal/ekyc/upload/image", portal, Pictures.png(10, 10, 4),
                Map.of("metadata", "{\"unique_token\":\"" + uniqueToken + "\",\"name\":\"Tran Thi B\"}"));
        assertThat(jdbc.sql("select count(*) from image_upload where metadata_ct is not null")
                .query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from image_upload where position(convert_to('Tran Thi', 'UTF8') in metadata_ct) > 0")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void fileOverTheSizeLimitIs413() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] png = Pictures.png(10, 10, 5);
        System.arraycopy(png, 0, big, 0, png.length);
        Http.Answer answer = http.upload("/portal/ekyc/upload/image", portal, big, Map.of());
        assertVerdict(answer, 413, "invalid_parameters");
        assertThat(answer.json().get("message").asString()).contains("10485760");
    }

    @Test
    void nonImagesCorruptImagesAndDecompressionBombsAre400() {
        assertVerdict(http.upload("/portal/ekyc/upload/image", portal,
                "%PDF-1.4 not an image".getBytes(StandardCharsets.UTF_8), Map.of()), 400, "invalid_parameters");
        byte[] jpeg = Pictures.jpeg(300, 300, 6);
        assertVerdict(http.upload("/portal/ekyc/upload/image", portal, Arrays.copyOf(jpeg, jpeg.length / 4), Map.of()),
                400, "invalid_parameters");
        Http.Answer bomb = http.upload("/portal/ekyc/upload/image", portal, pngClaiming(Pictures.png(8, 8, 7), 9000, 9000),
                Map.of());
        assertVerdict(bomb, 400, "invalid_parameters");
        assertThat(bomb.json().get("message").asString()).contains("more than the limit");
    }

    @Test
    void missingOrEmptyFileAndBadMetadataAre400() {
        assertVerdict(http.upload("/portal/ekyc/upload/image", portal, null, Map.of("label", "portrait")),
                400, "invalid_parameters");
        assertVerdict(http.upload("/portal/ekyc/upload/image", portal, new byte[0], Map.of()), 400, "invalid_parameters");
        assertVerdict(http.upload("/portal/ekyc/upload/image", portal, Pictures.png(8, 8, 8),
                Map.of("metadata", "{not json")), 400, "invalid_parameters");
        assertVerdict(http.upload("/portal/ekyc/upload/image", portal, Pictures.png(8, 8, 8),
                Map.of("label", "Bad Label!")), 400, "invalid_parameters");
    }

    @Test
    void downloadParametersAreValidated() {
        assertVerdict(http.get("/portal/document/download_ekyc_file?application_id=abc&id=x", portal),
                400, "invalid_parameters");
        assertVerdict(http.get("/portal/document/download_ekyc_file?application_id=" + applicationId + "&id=x", portal),
                400, "invalid_parameters");
        assertVerdict(http.get("/portal/document/download_ekyc_file?application_id=" + applicationId
                + "&id=00000000-0000-0000-0000-000000000000", portal), 404, "record_not_found");
    }

    private String uploadOk(byte[] bytes, String label) {
        Http.Answer answer = http.upload("/portal/ekyc/upload/image", portal, bytes,
                Map.of("label", label, "metadata", "{\"unique_token\":\"" + uniqueToken + "\"}"));
        assertVerdict(answer, 200, "success");
        assertThat(answer.json().get("message").asString()).isEqualTo("image uploaded");
        return answer.json().get("data").get("image_id").asString();
    }

    static byte[] pngClaiming(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return copy;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
