package io.openekyc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.Http;
import io.openekyc.server.support.Pictures;
import io.openekyc.server.tenants.DemoTenant;
import io.openekyc.server.tenants.TenantCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default end to end: first start of an empty data dir creates the demo tenant;
 * after a restart its data, images and already-issued JWTs are all still good.
 */
class RestartTest {

    @Test
    void embeddedServerKeepsDataImagesAndTokensAcrossARestart(@TempDir Path dataDir) throws Exception {
        ServerLauncher.Options options = new ServerLauncher.Options(true, 0, dataDir, null,
                Map.of("openekyc.demo-tenant", "true", "openekyc.password-iterations", "20000"));
        String portal;
        String imageId;
        long applicationId;
        byte[] png = Pictures.png(50, 40, 31);
        TenantCredentials demo;
        try (ConfigurableApplicationContext first = ServerLauncher.start(options)) {
            Path credentials = dataDir.resolve(DemoTenant.FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
            demo = JsonMapper.builder().build().readValue(Files.readString(credentials), TenantCredentials.class);
            assertThat(demo.clientCode()).isEqualTo("demo");

            Http http = new Http(port(first));
            portal = http.postJson("/auth/users/login", null,
                    Map.of("user_name", demo.portalUser(), "password", demo.portalPassword()))
                    .json().get("data").get("access_token").asString();
            String token = http.get("/ekyc/platform/init?encrypted_token=" + tokenFor(demo, "restart-user"), null)
                    .json().get("data").get("token").asString();
            imageId = http.upload("/portal/ekyc/upload/image", portal, png,
                    Map.of("label", "portrait", "metadata", "{\"unique_token\":\"" + token + "\"}"))
                    .json().get("data").get("image_id").asString();
            applicationId = http.get("/portal/application/detail?application_id=1&id=restart-user", portal)
                    .json().get("data").get("application_id").asLong();
        }
        try (ConfigurableApplicationContext second = ServerLauncher.start(options)) {
            Http http = new Http(port(second));
            Http.Answer download = http.get("/portal/document/download_ekyc_file?application_id=" + applicationId
                    + "&id=" + imageId, portal);
            assertThat(download.status()).as(download.text()).isEqualTo(200);
            assertThat(download.raw().body()).isEqualTo(png);
            // The demo tenant is not created twice, and its credentials still work.
            assertThat(JsonMapper.builder().build().readValue(Files.readString(dataDir.resolve(DemoTenant.FILE)),
                    TenantCredentials.class)).isEqualTo(demo);
            assertThat(http.get("/ekyc/platform/init?encrypted_token=" + tokenFor(demo, "restart-user"), null)
                    .json().get("data").get("token").asString()).isNotBlank();
        }
    }

    private static String tokenFor(TenantCredentials tenant, String userId) {
        return io.openekyc.server.crypto.UserToken.encrypt(tenant.keyId(),
                java.util.Base64.getDecoder().decode(tenant.aesKey()),
                java.util.Base64.getDecoder().decode(tenant.aesIv()), userId);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
