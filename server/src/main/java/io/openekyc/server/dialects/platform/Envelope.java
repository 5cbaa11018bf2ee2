package io.openekyc.server.dialects.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Spec 000's response envelope: {@code {"data":..,"message":..,"time":..,"verdict":..}}. */
public record Envelope(Object data, String message, String time, String verdict) {

    public static Envelope success(Object data, String message) {
        return new Envelope(data, message, now(), "success");
    }

    public static Envelope error(String verdict, String message, Map<String, Object> data) {
        return new Envelope(data == null ? Map.of() : data, message, now(), verdict);
    }

    public static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Builds a JSON object with keys in insertion order. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
