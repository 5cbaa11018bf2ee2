package io.openekyc.vision.evaluation;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardReading;
import io.openekyc.vision.document.CardSide;
import io.openekyc.vision.document.DocumentReader;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the document engine ({@link DocumentReader}) over generated card photos (images with
 * ground-truth JSON beside them). Card found = the located corners within 3% of the card's width of
 * the truth. Field accuracy is that of the engine's answer (on chip fronts the QR's values where it
 * was read); the printed-text accuracy of fronts is also kept, since it is what counts when a QR is
 * unreadable. Dates are the birth and expiry dates the truth has (a PhilHealth or UMID front has no
 * expiry). On a passport data page the document number is the passport number, dates are every
 * date in its truth (birth, expiry, issue), the name must match with its diacritics (the printed
 * page's, since the MRZ has none), and "printed" is the OCR of the page beside the MRZ. On a motorcycle
 * registration ({@code vn.mrc}) there is no id number, the name is the owner's and the dates are the
 * first and last registration. Each field of
 * the truth is also judged on its own, for a per-field table. Each quality check's verdict is kept
 * per photo, to show how often it fires per degradation, and each field that was not exact keeps
 * the value read (null when none), to find the causes of failures.
 */
public final class DocumentEvaluation {

    /** What one photo gave; null measures where they do not apply to that side. */
    public record Outcome(String type, String side, String degradation, boolean cardFound, boolean read,
                          Boolean idNumberExact, Boolean nameExact, Boolean datesExact, Boolean mrzValid,
                          Boolean qrRead, Boolean printedIdExact, Boolean printedNameExact, Boolean printedDatesExact,
                          Map<String, Boolean> qualityFlags, Map<String, Boolean> fieldsExact, double millis,
                          String image, Map<String, Misread> misread, java.util.Set<String> reviewed) {

        /**
         * A key field (number, name, date) answered wrong without a to-be-reviewed flag: the error a lender's
         * straight-through flow would accept. Null when the photo has no key field judged.
         */
        public Boolean silentError() {
            if (fieldsExact.keySet().stream().noneMatch(KEY_FIELDS::contains)) {
                return null;
            }
            return misread.entrySet().stream()
                    .anyMatch(e -> KEY_FIELDS.contains(e.getKey()) && e.getValue().read() != null && !e.getValue().toBeReviewed());
        }

        /**
         * Every key field right, yet one flagged to be reviewed: work a reviewer does for nothing, the
         * price of flags that catch silent errors. Null when the photo has no key field judged.
         */
        public Boolean needlessReview() {
            if (fieldsExact.keySet().stream().noneMatch(KEY_FIELDS::contains)) {
                return null;
            }
            return misread.keySet().stream().noneMatch(KEY_FIELDS::contains) && reviewed.stream().anyMatch(KEY_FIELDS::contains);
        }
    }

    /** A field that was not exact: what the engine answered (null when nothing), whether it flagged it, and the truth. */
    public record Misread(String read, boolean toBeReviewed, String truth) {
    }

    /** The fields a decision rests on; addresses and the rest are judged but not counted as silent errors. */
    static final java.util.Set<String> KEY_FIELDS = java.util.Set.of("id_number", "passport_number", "full_name",
            "date_of_birth", "date_of_expiry", "date_of_issue", "number_plate", "first_registration_date",
            "last_registration_date");

    private static final List<String> DATES = List.of("date_of_birth", "date_of_expiry");
    private static final List<String> BACK_DATES = List.of("date_of_birth", "date_of_expiry", "date_of_issue");
    /** Truth fields not judged: the marks (free text), and the chip CCCD's issue date, listed with its front but printed on its back. */
    private static final java.util.Set<String> UNJUDGED = java.util.Set.of("features");
    private static final java.util.Set<String> UNJUDGED_ON_FRONTS = java.util.Set.of("features", "date_of_issue");
    private static final java.util.Set<String> MRZ_FIELDS = java.util.Set.of("id_number", "date_of_birth", "sex",
            "date_of_expiry");
    private static final List<String> MRC_DATES = List.of("first_registration_date", "last_registration_date");
    private static final List<String> PASSPORT_DATES = List.of("date_of_birth", "date_of_expiry", "date_of_issue");

    private final DocumentReader reader;
    private final ImageDecoder decoder = new ImageDecoder();
    private final JsonMapper json = JsonMapper.builder().build();

    public DocumentEvaluation(DocumentReader reader) {
        this.reader = reader;
    }

    public List<Outcome> run(Path dir) {
        List<Outcome> outcomes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path truthFile : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode truth = json.readTree(Files.readString(truthFile));
                Path image = dir.resolve(truth.get("image").asString());
                if (Files.exists(image)) {
                    outcomes.add(evaluate(truth, decoder.decode(Files.readAllBytes(image)), image.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        } catch (io.openekyc.vision.image.ImageRejected e) {
            throw new IllegalArgumentException("a generated image could not be decoded: " + e.getMessage(), e);
        }
        return outcomes;
    }

    private Outcome evaluate(JsonNode truth, RgbImage image, String imageName) {
        JsonNode fields = truth.get("fields");
        String side = truth.get("side").asString();
        String type = truth.get("type").asString();
        // A registration is read as FinOS's readMRC reads it, without a side (its one side is FinOS's "back").
        CardSide expected = type.equals("vn.mrc") ? null : side.equals("back") ? CardSide.BACK : CardSide.FRONT;
        CardReading reading = reader.read(image, expected);
        boolean found = reading.located() != null && cornersMatch(reading.located().corners(), truth.get("corners"));
        Map<String, Boolean> flags = new TreeMap<>();
        reading.quality().stream().filter(q -> !q.unavailable()).forEach(q -> flags.put(q.name(), q.failed()));
        // Edits of the photo are a tampering check, but judged from the pixels like the quality checks.
        reading.tampering().stream().filter(q -> q.name().equals("photo_tampered") && !q.unavailable())
                .forEach(q -> flags.put(q.name(), q.failed()));
        boolean back = side.equals("back");
        // Generator variants ("vn.national_id.2024") are documents of their base type.
        boolean read = reading.found() && (back ? reading.side() == CardSide.BACK : reading.side() == CardSide.FRONT)
                && (type.equals(reading.documentType()) || type.startsWith(reading.documentType() + "."));
        boolean passport = type.equals("vn.passport");
        Map<String, Boolean> fieldsExact = new TreeMap<>();
        // A chip back carries only what its MRZ holds; its truth lists the whole card.
        boolean chipBack = "cccd_chip_back".equals(truth.path("label").asString());
        fields.propertyNames().forEach(name -> {
            if (chipBack && !MRZ_FIELDS.contains(name)) {
                return;
            }
            if (passport || !(back && !truth.has("mrz") ? UNJUDGED : UNJUDGED_ON_FRONTS).contains(name)) {
                fieldsExact.put(name, same(reading.value(name), fields, name));
            }
        });
        Map<String, Misread> misread = new TreeMap<>();
        fieldsExact.forEach((name, exact) -> {
            if (!exact) {
                CardField field = reading.fields().get(name);
                misread.put(name, new Misread(reading.value(name), field != null && field.toBeReviewed(),
                        fields.get(name).asString()));
            }
        });
        java.util.Set<String> reviewed = new java.util.TreeSet<>();
        fieldsExact.keySet().forEach(name -> {
            CardField field = reading.fields().get(name);
            if (field != null && field.toBeReviewed()) {
                reviewed.add(name);
            }
        });
        if (passport) {
            Map<String, String> printed = reading.printed();
            return new Outcome("vn.passport", side, truth.get("degradation").asString(), found, read,
                    same(reading.value("passport_number"), fields, "passport_number")
                            && same(reading.value("id_number"), fields, "id_number"),
                    same(reading.value("full_name"), fields, "full_name"),
                    PASSPORT_DATES.stream().allMatch(d -> same(reading.value(d), fields, d)),
                    reading.mrz() != null && reading.mrz().valid(), null,
                    same(printed.get("passport_number"), fields, "passport_number"),
                    same(printed.get("full_name"), fields, "full_name"),
                    PASSPORT_DATES.stream().allMatch(d -> same(printed.get(d), fields, d)), flags, fieldsExact,
                    reading.millis(), imageName, misread, reviewed);
        }
        if (type.equals("vn.mrc")) {
            // Printed fields only, no id number: name = the owner's, dates = first and last registration.
            Boolean nameExact = same(reading.value("full_name"), fields, "full_name");
            Boolean datesExact = MRC_DATES.stream().allMatch(d -> same(reading.value(d), fields, d));
            return new Outcome(type, side, truth.get("degradation").asString(), found, read, null, nameExact,
                    datesExact, null, null, null, nameExact, datesExact, flags, fieldsExact, reading.millis(), imageName,
                    misread, reviewed);
        }
        // Backs without an MRZ print no number; their dates are the issue date (and CMND expiry).
        Boolean idExact = fields.has("id_number") ? same(reading.value("id_number"), fields, "id_number") : null;
        Boolean nameExact = back ? null : same(reading.value("full_name"), fields, "full_name");
        Boolean datesExact = dates(values(reading), fields, back && !truth.has("mrz"));
        Boolean mrzValid = truth.has("mrz") ? reading.mrz() != null && reading.mrz().valid() : null;
        Boolean qrRead = back ? null : reading.qr() != null;
        Map<String, String> printed = reading.printed();
        Boolean printedId = back ? null : same(printed.get("id_number"), fields, "id_number");
        Boolean printedName = back ? null : same(printed.get("full_name"), fields, "full_name");
        Boolean printedDates = back ? null : dates(printed, fields, false);
        return new Outcome(type, side, truth.get("degradation").asString(), found, read,
                idExact, nameExact, datesExact, mrzValid, qrRead, printedId, printedName, printedDates, flags,
                fieldsExact, reading.millis(), imageName, misread, reviewed);
    }

    private static boolean same(String value, JsonNode fields, String name) {
        return value != null && fields.has(name) && value.equals(fields.get(name).asString());
    }

    /** Birth and expiry date (and on a back without MRZ the issue date), each where the truth has it; null when it has none. */
    private static Boolean dates(Map<String, String> values, JsonNode fields, boolean issue) {
        List<String> judged = (issue ? BACK_DATES : DATES).stream().filter(fields::has).toList();
        return judged.isEmpty() ? null : judged.stream().allMatch(name -> same(values.get(name), fields, name));
    }

    private static Map<String, String> values(CardReading reading) {
        Map<String, String> out = new TreeMap<>();
        reading.fields().forEach((name, field) -> out.put(name, field.value()));
        return out;
    }

    /** Found = every corner within 3% of the card's width of the true corner. */
    static boolean cornersMatch(double[][] found, JsonNode truth) {
        double width = Math.hypot(truth.get(1).get(0).asDouble() - truth.get(0).get(0).asDouble(),
                truth.get(1).get(1).asDouble() - truth.get(0).get(1).asDouble());
        for (int i = 0; i < 4; i++) {
            double dx = found[i][0] - truth.get(i).get(0).asDouble();
            double dy = found[i][1] - truth.get(i).get(1).asDouble();
            if (Math.hypot(dx, dy) > 0.03 * width) {
                return false;
            }
        }
        return true;
    }
}
