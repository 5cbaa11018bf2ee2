package io.openekyc.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Assertions on spec 000's envelope. */
public final class Envelopes {

    private Envelopes() {
    }

    public static void assertVerdict(Http.Answer answer, int status, String verdict) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.get("verdict").asString()).isEqualTo(verdict);
        assertThat(body.has("data")).isTrue();
        assertThat(body.has("message")).isTrue();
        assertThat(body.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }
}
