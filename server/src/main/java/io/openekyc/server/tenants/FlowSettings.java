package io.openekyc.server.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's flow settings. Thresholds left null mean "the engine's measured default" (chosen by
 * the evaluation of each engine), never a made-up number. The callback signing secret is kept
 * apart (encrypted) and never shown.
 */
public record FlowSettings(
        @JsonProperty("allowed_card_types") List<String> allowedCardTypes,
        @JsonProperty("required_steps") List<String> requiredSteps,
        @JsonProperty("language") String language,
        @JsonProperty("country") String country,
        @JsonProperty("face_match_threshold") Double faceMatchThreshold,
        @JsonProperty("liveness_threshold") Double livenessThreshold,
        @JsonProperty("callback_url") String callbackUrl,
        @JsonProperty("redirect_url") String redirectUrl,
        @JsonProperty("minimum_age") Integer minimumAge) {

    public static final List<String> CARD_TYPES = List.of(
            "vn.national_id", "vn.passport", "vn.driver_license", "vn.vehicle_registration",
            "ph.philhealth", "ph.umid");
    public static final List<String> STEPS = List.of("ekyc.id_card", "ekyc.selfie.passive_v2");
    public static final Set<String> LANGUAGES = Set.of("vi", "en");
    public static final Set<String> COUNTRIES = Set.of("VN", "PH");
    public static final String CALLBACK_SECRET = "callback_secret";

    public static FlowSettings defaults() {
        return new FlowSettings(CARD_TYPES, STEPS, "vi", "VN", null, null, null, null, null);
    }

    /** Keys a client may change, with the format each one must have. */
    public static final Map<String, String> FORMATS = orderedFormats();

    private static Map<String, String> orderedFormats() {
        Map<String, String> formats = new LinkedHashMap<>();
        formats.put("allowed_card_types", "non-empty list of " + CARD_TYPES);
        formats.put("required_steps", "non-empty list of " + STEPS);
        formats.put("language", "one of " + LANGUAGES);
        formats.put("country", "one of " + COUNTRIES);
        formats.put("face_match_threshold", "number in [0, 1], or null for the engine default");
        formats.put("liveness_threshold", "number in [0, 1], or null for the engine default");
        formats.put("callback_url", "absolute http(s) URL, or null");
        formats.put("redirect_url", "absolute http(s) URL, or null");
        formats.put("minimum_age", "whole number of years from 0 to 120 the card holder must have reached, or null for none");
        formats.put(CALLBACK_SECRET, "string of 16 to 256 characters, or null");
        return java.util.Collections.unmodifiableMap(formats);
    }

    /**
     * Applies changes (typed JSON values, or strings from the command line) and returns the new
     * settings; every invalid or unknown key is reported at once.
     */
    public FlowSettings with(Map<String, ?> changes) {
        Map<String, String> invalid = new LinkedHashMap<>();
        List<String> cardTypes = allowedCardTypes;
        List<String> steps = requiredSteps;
        String lang = language;
        String ctry = country;
        Double face = faceMatchThreshold;
        Double live = livenessThreshold;
        String callback = callbackUrl;
        String redirect = redirectUrl;
        Integer minAge = minimumAge;
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            String key = change.getKey();
            Object value = change.getValue();
            try {
                switch (key) {
                    case "allowed_card_types" -> cardTypes = listOf(value, CARD_TYPES);
                    case "required_steps" -> steps = listOf(value, STEPS);
                    case "language" -> lang = oneOf(value, LANGUAGES);
                    case "country" -> ctry = oneOf(value, COUNTRIES);
                    case "face_match_threshold" -> face = unitOrNull(value);
                    case "liveness_threshold" -> live = unitOrNull(value);
                    case "callback_url" -> callback = urlOrNull(value);
                    case "redirect_url" -> redirect = urlOrNull(value);
                    case "minimum_age" -> minAge = ageOrNull(value);
                    case CALLBACK_SECRET -> secretOrNull(value);
                    default -> throw new IllegalArgumentException("unknown setting");
                }
            } catch (IllegalArgumentException | ClassCastException e) {
                invalid.put(key, FORMATS.getOrDefault(key, "unknown setting; known: " + FORMATS.keySet()));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidSettings(invalid);
        }
        return new FlowSettings(cardTypes, steps, lang, ctry, face, live, callback, redirect, minAge);
    }

    private static Integer ageOrNull(Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return null;
        }
        int age = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
        if (age < 0 || age > 120 || value instanceof Number n && n.doubleValue() != age) {
            throw new IllegalArgumentException("age out of range");
        }
        return age;
    }

    /** The callback secret from a change set: absent (no change), null (remove), or a valid value. */
    public static String secretOrNull(Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return null;
        }
        String secret = (String) value;
        if (secret.length() < 16 || secret.length() > 256) {
            throw new IllegalArgumentException("bad secret length");
        }
        return secret;
    }

    private static List<String> listOf(Object value, List<String> allowed) {
        List<String> items = new ArrayList<>();
        if (value instanceof String text) {
            for (String part : text.split(",")) {
                items.add(part.trim());
            }
        } else {
            for (Object item : (List<?>) value) {
                items.add((String) item);
            }
        }
        if (items.isEmpty() || !allowed.containsAll(items) || Set.copyOf(items).size() != items.size()) {
            throw new IllegalArgumentException("not a list of allowed values");
        }
        return List.copyOf(items);
    }

    private static String oneOf(Object value, Set<String> allowed) {
        String text = (String) value;
        if (!allowed.contains(text)) {
            throw new IllegalArgumentException("not allowed");
        }
        return text;
    }

    private static Double unitOrNull(Object value) {
        if (value == null || "null".equals(value) || "".equals(value)) {
            return null;
        }
        double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble((String) value);
        if (!(number >= 0 && number <= 1)) {
            throw new IllegalArgumentException("out of range");
        }
        return number;
    }

    private static String urlOrNull(Object value) {
        if (value == null || "null".equals(value) || "".equals(value)) {
            return null;
        }
        String text = (String) value;
        URI uri = URI.create(text);
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return text;
    }

    /** Settings that failed validation, keyed by setting with the format expected. */
    public static class InvalidSettings extends RuntimeException {
        private final Map<String, String> formats;

        public InvalidSettings(Map<String, String> formats) {
            super("invalid settings: " + formats.keySet());
            this.formats = formats;
        }

        public Map<String, String> formats() {
            return formats;
        }
    }
}
