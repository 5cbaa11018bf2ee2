package io.openekyc.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON printing for commands that do not start Spring. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static void print(Object value) {
        System.out.println(MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }
}
