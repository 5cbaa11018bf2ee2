package io.openekyc.vision.evaluation;

import io.openekyc.vision.document.CardLocator;
import io.openekyc.vision.document.mrz.MrzResult;
import io.openekyc.vision.document.mrz.MrzScanner;
import io.openekyc.vision.document.qr.QrReader;
import io.openekyc.vision.document.vn.CccdFrontReader;
import io.openekyc.vision.document.vn.CccdQr;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads generated card photos (images with ground-truth JSON beside them) with what the document
 * engine can read so far: locates and straightens the card (found = corners within 3% of the
 * card's width of the truth), then reads the MRZ on backs, and on fronts the printed fields
 * (Vietnamese OCR by label) and the QR. Field accuracy on fronts is that of the printed text.
 */
public final class DocumentEvaluation {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** What one photo gave; null fields where the measure does not apply to that side. */
    public record Outcome(String type, String side, String degradation, boolean cardFound, boolean read,
                          Boolean idNumberExact, Boolean nameExact, Boolean datesExact, Boolean mrzValid, double millis) {
    }

    private final MrzScanner mrz;
    private final CccdFrontReader front;
    private final QrReader qr = new QrReader();
    private final CardLocator locator = new CardLocator();
    private final ImageDecoder decoder = new ImageDecoder();
    private final JsonMapper json = JsonMapper.builder().build();

    public DocumentEvaluation(MrzScanner mrz, CccdFrontReader front) {
        this.mrz = mrz;
        this.front = front;
    }

    public List<Outcome> run(Path dir) {
        List<Outcome> outcomes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path truthFile : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode truth = json.readTree(Files.readString(truthFile));
                Path image = dir.resolve(truth.get("image").asString());
                if (Files.exists(image)) {
                    outcomes.add(evaluate(truth, decoder.decode(Files.readAllBytes(image))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        } catch (io.openekyc.vision.image.ImageRejected e) {
            throw new IllegalArgumentException("a generated image could not be decoded: " + e.getMessage(), e);
        }
        return outcomes;
    }

    private Outcome evaluate(JsonNode truth, RgbImage image) {
        JsonNode fields = truth.get("fields");
        String side = truth.get("side").asString();
        String type = truth.get("type").asString();
        String degradation = truth.get("degradation").asString();
        LocalDate birth = LocalDate.parse(fields.get("date_of_birth").asString(), PRINTED);
        long start = System.nanoTime();
        CardLocator.Located located = locator.locate(image);
        boolean found = located != null && cornersMatch(located.corners(), truth.get("corners"));
        // Read on the straightened card when one was located, else on the whole photo.
        RgbImage card = located == null ? image
                : CardLocator.rectify(image, located.corners(), CARD_WIDTH, CARD_HEIGHT);
        if (side.equals("back")) {
            MrzResult result = mrz.scan(card);
            if (result == null && located != null) {
                result = mrz.scan(image);
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (result == null) {
                return new Outcome(type, side, degradation, found, false, false, null, false, false, ms);
            }
            String optional = result.fields().getOrDefault("optional_data_1", "");
            boolean idExact = optional.replace(" ", "").equals(fields.get("id_number").asString());
            boolean datesExact = result.fields().getOrDefault("birth_date", "")
                    .equals(birth.format(DateTimeFormatter.ofPattern("uuMMdd")));
            return new Outcome(type, side, degradation, found, true, idExact, null, datesExact, result.valid(), ms);
        }
        // Front: the printed fields (Vietnamese OCR on the straightened card) decide the accuracy
        // measures; the QR is reported as "read".
        boolean qrRead = qr.read(card).or(() -> located == null ? java.util.Optional.empty() : qr.read(image))
                .flatMap(CccdQr::parse).isPresent();
        if (located == null) {
            double ms = (System.nanoTime() - start) / 1e6;
            return new Outcome(type, side, degradation, false, qrRead, false, false, false, null, ms);
        }
        var printed = front.read(card);
        double ms = (System.nanoTime() - start) / 1e6;
        boolean idExact = value(printed, "id_number").equals(fields.get("id_number").asString());
        boolean nameExact = value(printed, "full_name").equals(fields.get("full_name").asString());
        boolean datesExact = value(printed, "date_of_birth").equals(fields.get("date_of_birth").asString())
                && value(printed, "date_of_expiry").equals(fields.get("date_of_expiry").asString());
        return new Outcome(type, side, degradation, found, qrRead, idExact, nameExact, datesExact, null, ms);
    }

    private static String value(java.util.Map<String, CccdFrontReader.Field> fields, String name) {
        CccdFrontReader.Field field = fields.get(name);
        return field == null ? "" : field.value();
    }

    static final int CARD_WIDTH = 1000;
    static final int CARD_HEIGHT = 630;

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
