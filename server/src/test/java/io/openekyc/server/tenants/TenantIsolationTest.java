package io.openekyc.server.tenants;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.Http;
import io.openekyc.server.support.Pictures;
import io.openekyc.server.support.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantIsolationTest extends ServerTest {

    @Test
    void anotherTenantsApplicationsAndFilesAreNotFound() {
        TenantCredentials alice = newTenant();
        TenantCredentials bob = newTenant();
        String alicePortal = login(alice);
        String bobPortal = login(bob);
        String token = init(alice, "shared-user-id").get("token").asString();
        long applicationId = applicationId(token);
        Http.Answer upload = http.upload("/portal/ekyc/upload/image", alicePortal, Pictures.png(32, 32, 11),
                Map.of("label", "portrait", "metadata", "{\"unique_token\":\"" + token + "\"}"));
        String imageId = upload.json().get("data").get("image_id").asString();

        String detail = "/portal/application/detail?application_id=" + applicationId + "&id=shared-user-id";
        assertThat(http.get(detail, alicePortal).status()).isEqualTo(200);
        assertVerdict(http.get(detail, bobPortal), 404, "record_not_found");

        String download = "/portal/document/download_ekyc_file?application_id=" + applicationId + "&id=" + imageId;
        assertThat(http.get(download, alicePortal).status()).isEqualTo(200);
        assertVerdict(http.get(download, bobPortal), 404, "record_not_found");

        // Bob cannot attach his uploads to Alice's application either.
        assertVerdict(http.upload("/portal/ekyc/upload/image", bobPortal, Pictures.png(32, 32, 12),
                Map.of("metadata", "{\"unique_token\":\"" + token + "\"}")), 404, "record_not_found");

        // The same user id at Bob's is a different application.
        String bobToken = init(bob, "shared-user-id").get("token").asString();
        assertThat(bobToken).isNotEqualTo(token);
    }

    @Test
    void detailNeedsTheMatchingUserId() {
        TenantCredentials tenant = newTenant();
        String portal = login(tenant);
        long applicationId = applicationId(init(tenant, "the-user").get("token").asString());
        assertVerdict(http.get("/portal/application/detail?application_id=" + applicationId + "&id=someone-else", portal),
                404, "record_not_found");
        assertVerdict(http.get("/portal/application/detail?application_id=" + applicationId, portal),
                404, "record_not_found");
        assertVerdict(http.get("/portal/application/detail?application_id=x&id=the-user", portal),
                400, "invalid_parameters");
    }

    @Test
    void sameImageAtTwoTenantsIsTwoSeparateImages() {
        TenantCredentials alice = newTenant();
        TenantCredentials bob = newTenant();
        byte[] png = Pictures.png(40, 40, 13);
        String a = http.upload("/portal/ekyc/upload/image", login(alice), png, Map.of())
                .json().get("data").get("image_id").asString();
        String b = http.upload("/portal/ekyc/upload/image", login(bob), png, Map.of())
                .json().get("data").get("image_id").asString();
        assertThat(a).isNotEqualTo(b);
    }
}
