package io.openekyc.vision.evaluation;

import io.openekyc.vision.document.mrz.MrzResult;
import io.openekyc.vision.document.mrz.MrzScanner;
import io.openekyc.vision.document.qr.QrReader;
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
 * engine can read so far: the MRZ on backs and the QR on fronts. Printed-text OCR and card
 * localisation are not built yet, so their measures are reported as not measured, never guessed.
 */
public final class DocumentEvaluation {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** What one photo gave; null fields where the measure does not apply to that side. */
    public record Outcome(String type, String side, String degradation, boolean read, Boolean idNumberExact,
                          Boolean nameExact, Boolean datesExact, Boolean mrzValid, double millis) {
    }

    private final MrzScanner mrz;
    private final QrReader qr = new QrReader();
    private final ImageDecoder decoder = new ImageDecoder();
    private final JsonMapper json = JsonMapper.builder().build();

    public DocumentEvaluation(MrzScanner mrz) {
        this.mrz = mrz;
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
        if (side.equals("back")) {
            MrzResult result = mrz.scan(image);
            double ms = (System.nanoTime() - start) / 1e6;
            if (result == null) {
                return new Outcome(type, side, degradation, false, false, null, false, false, ms);
            }
            String optional = result.fields().getOrDefault("optional_data_1", "");
            boolean idExact = optional.replace(" ", "").equals(fields.get("id_number").asString());
            boolean datesExact = result.fields().getOrDefault("birth_date", "")
                    .equals(birth.format(DateTimeFormatter.ofPattern("uuMMdd")));
            return new Outcome(type, side, degradation, true, idExact, null, datesExact, result.valid(), ms);
        }
        var payload = qr.read(image).flatMap(CccdQr::parse);
        double ms = (System.nanoTime() - start) / 1e6;
        if (payload.isEmpty()) {
            return new Outcome(type, side, degradation, false, false, false, false, null, ms);
        }
        CccdQr card = payload.get();
        return new Outcome(type, side, degradation, true, card.number().equals(fields.get("id_number").asString()),
                card.fullName().equals(fields.get("full_name").asString()), card.birthDate().equals(birth), null, ms);
    }
}
