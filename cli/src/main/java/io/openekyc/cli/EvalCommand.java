package io.openekyc.cli;

import io.openekyc.vision.document.DocumentKit;
import io.openekyc.vision.evaluation.DocumentEvaluation;
import io.openekyc.vision.evaluation.DocumentEvaluation.Outcome;
import io.openekyc.vision.evaluation.FacePairEvaluation;
import io.openekyc.vision.evaluation.VerificationMetrics;
import io.openekyc.vision.face.FaceEngine;
import io.openekyc.vision.face.FaceKit;
import io.openekyc.vision.face.FaceMatch;
import io.openekyc.vision.model.Models;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", description = "Accuracy evaluations that print tables.", subcommands = {EvalCommand.Faces.class, EvalCommand.Liveness.class, EvalCommand.Detect.class,
        EvalCommand.Mrz.class, EvalCommand.Docs.class, EvalCommand.Edits.class})
class EvalCommand {

    static FaceEngine engine(Models models, String detector) {
        return switch (detector) {
            case "ultralight" -> new FaceEngine(models);
            case "blazeface" -> new FaceEngine(new io.openekyc.vision.face.BlazeFaceDetector(models),
                    new io.openekyc.vision.face.Landmarker(models), new io.openekyc.vision.face.FaceEmbedder(models));
            default -> throw new IllegalArgumentException("--detector must be ultralight or blazeface");
        };
    }

    @Command(name = "faces", description = "Face verification on a pairs list (img1,img2,same_identity).")
    static class Faces implements Callable<Integer> {

        @Option(names = "--pairs", required = true, description = "CSV of img1,img2,same_identity (header allowed).")
        Path pairs;

        @Option(names = "--root", required = true, description = "Folder the image paths are relative to.")
        Path root;

        @Option(names = "--out", description = "Write img1,img2,same_identity,score here.")
        Path out;

        @Option(names = "--threshold", description = "Threshold for the accuracy line (default: ${DEFAULT-VALUE}).")
        float threshold = FaceMatch.DEFAULT_THRESHOLD;

        @Option(names = "--detector", description = "ultralight (default) or blazeface.")
        String detector = "ultralight";

        @Override
        public Integer call() {
            long start = System.nanoTime();
            FacePairEvaluation.Result result;
            try (Models models = new Models()) {
                result = new FacePairEvaluation(engine(models, detector)).run(pairs, root);
            }
            if (out != null) {
                FacePairEvaluation.writeScores(result, out);
            }
            VerificationMetrics m = result.metrics();
            System.out.println("| metric | value |");
            System.out.println("|---|---|");
            row("pairs", String.valueOf(result.pairs().size()));
            row("genuine / impostor pairs scored", m.genuine() + " / " + m.impostor());
            row("detection failures (pairs without a score)", String.valueOf(result.detectionFailures()));
            row("ROC AUC", fmt(m.rocAuc()));
            row("TAR at FAR 1%", fmt(m.tarAtFar1()));
            row("TAR at FAR 0.1%", fmt(m.tarAtFar01()));
            row("EER (threshold)", fmt(m.eer()) + " (" + fmt(m.eerThreshold()) + ")");
            row("lowest genuine / highest impostor score", fmt(min(result.scores(true))) + " / " + fmt(max(result.scores(false))));
            row("accuracy at threshold " + fmt(threshold), fmt(result.accuracy(threshold)));
            row("false accepts at threshold " + fmt(threshold), String.valueOf(result.falseAccepts(threshold)));
            row("false rejects at threshold " + fmt(threshold),
                    String.valueOf(result.scores(true).length - Math.round(VerificationMetrics.acceptRate(result.scores(true), threshold) * result.scores(true).length)));
            row("wall time", String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
            return 0;
        }

        private static void row(String name, String value) {
            System.out.println("| " + name + " | " + value + " |");
        }

        private static String fmt(double value) {
            return String.format(Locale.ROOT, "%.4f", value);
        }

        private static double min(double[] values) {
            return java.util.Arrays.stream(values).min().orElse(Double.NaN);
        }

        private static double max(double[] values) {
            return java.util.Arrays.stream(values).max().orElse(Double.NaN);
        }
    }

    @Command(name = "liveness", description = "Passive liveness of each image's largest face, as a table.")
    static class Liveness implements Callable<Integer> {

        @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "IMG")
        java.util.List<Path> images;

        @Option(names = "--threshold", description = "Decision threshold (default: ${DEFAULT-VALUE}).")
        double threshold = io.openekyc.vision.liveness.PassiveLiveness.DEFAULT_THRESHOLD;

        @Override
        public Integer call() throws Exception {
            io.openekyc.vision.image.ImageDecoder decoder = new io.openekyc.vision.image.ImageDecoder();
            System.out.println("| image | face | model live p | periodic pattern | clipped highlights | saturation p90 | score | is_live |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            try (io.openekyc.vision.face.FaceKit kit = io.openekyc.vision.face.FaceKit.load()) {
                for (Path image : images) {
                    io.openekyc.vision.face.SelfieReport report = kit.selfie(
                            decoder.decode(java.nio.file.Files.readAllBytes(image)), threshold);
                    if (!report.faceFound()) {
                        System.out.println("| " + image.getFileName() + " | none | | | | | 0 | false |");
                        continue;
                    }
                    var signals = report.liveness().signals();
                    System.out.printf(Locale.ROOT, "| %s | %.0f px | %.3f | %.1f | %.3f | %.2f | %.3f | %s |%n",
                            image.getFileName(), report.faces().getFirst().box().height(), signals.get(0).value(),
                            signals.get(1).value(), signals.get(2).value(), signals.get(3).value(),
                            report.liveness().score(), report.liveness().live());
                }
            }
            return 0;
        }
    }

    @Command(name = "detect", description = "Faces found per image (e.g. portraits on ID documents), as a table.")
    static class Detect implements Callable<Integer> {

        @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "IMG")
        java.util.List<Path> images;

        @Option(names = "--detector", description = "ultralight (default) or blazeface.")
        String detector = "ultralight";

        @Override
        public Integer call() throws Exception {
            io.openekyc.vision.image.ImageDecoder decoder = new io.openekyc.vision.image.ImageDecoder();
            System.out.println("| image | size | faces | largest face (px) | detector score |");
            System.out.println("|---|---|---|---|---|");
            int withFace = 0;
            try (io.openekyc.vision.model.Models models = new io.openekyc.vision.model.Models()) {
                io.openekyc.vision.face.FaceEngine engine = engine(models, detector);
                for (Path image : images) {
                    io.openekyc.vision.image.RgbImage pixels = decoder.decode(java.nio.file.Files.readAllBytes(image));
                    var faces = engine.faces(pixels);
                    if (!faces.isEmpty()) {
                        withFace++;
                    }
                    System.out.printf(Locale.ROOT, "| %s | %dx%d | %d | %s | %s |%n", image.getFileName(), pixels.width(),
                            pixels.height(), faces.size(),
                            faces.isEmpty() ? "" : String.format(Locale.ROOT, "%.0f", faces.getFirst().box().height()),
                            faces.isEmpty() ? "" : String.format(Locale.ROOT, "%.3f", faces.getFirst().detection().score()));
                }
            }
            System.out.println();
            System.out.println("images with a face: " + withFace + " of " + images.size());
            return 0;
        }
    }

    @Command(name = "edits", description = "The strongest region with a JPEG compression of its own per image "
            + "(photo_tampered's measure over the whole picture, 8% in from its edges), as a table.")
    static class Edits implements Callable<Integer> {

        @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "IMG")
        java.util.List<Path> images;

        @Override
        public Integer call() throws Exception {
            io.openekyc.vision.image.ImageDecoder decoder = new io.openekyc.vision.image.ImageDecoder();
            System.out.println("| image | size | score | flagged | quality | grid offset | region (x, y, w, h) |");
            System.out.println("|---|---|---|---|---|---|---|");
            int flagged = 0;
            int judged = 0;
            for (Path image : images) {
                io.openekyc.vision.image.RgbImage pixels = decoder.decode(java.nio.file.Files.readAllBytes(image));
                double w = pixels.width();
                double h = pixels.height();
                var finding = io.openekyc.vision.document.CompressionGhosts.strongest(pixels,
                        new double[][] {{0, 0}, {w, 0}, {w, h}, {0, h}});
                var check = io.openekyc.vision.document.DocumentReader.photoEdits(finding, true);
                if (finding == null) {
                    System.out.printf(Locale.ROOT, "| %s | %dx%d | too flat | | | | |%n", image.getFileName(),
                            pixels.width(), pixels.height());
                    continue;
                }
                judged++;
                flagged += check.failed() ? 1 : 0;
                int[] r = finding.region();
                System.out.printf(Locale.ROOT, "| %s | %dx%d | %.3f | %s | %d | %d,%d | %d, %d, %d, %d |%n",
                        image.getFileName(), pixels.width(), pixels.height(), finding.score(),
                        check.failed() ? "yes" : "no", finding.quality(), finding.shiftX(), finding.shiftY(),
                        r[0], r[1], r[2], r[3]);
            }
            System.out.println();
            System.out.println("flagged: " + flagged + " of " + judged + " judged (" + images.size() + " images)");
            return 0;
        }
    }

    @Command(name = "mrz", description = "MRZ reading per image, as a table.")
    static class Mrz implements Callable<Integer> {

        @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "IMG")
        java.util.List<Path> images;

        @Override
        public Integer call() throws Exception {
            io.openekyc.vision.image.ImageDecoder decoder = new io.openekyc.vision.image.ImageDecoder();
            System.out.println("| image | MRZ found | format | all check digits valid | document number | birth date | surname | ms |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            int found = 0;
            int valid = 0;
            try (Models models = new Models();
                 io.openekyc.vision.document.ocr.TextRecognizer ocr = new io.openekyc.vision.document.ocr.TextRecognizer(
                         models, DocCommand.ocrCache())) {
                io.openekyc.vision.document.mrz.MrzScanner scanner = new io.openekyc.vision.document.mrz.MrzScanner(ocr);
                for (Path image : images) {
                    long start = System.nanoTime();
                    var result = scanner.scan(decoder.decode(java.nio.file.Files.readAllBytes(image)));
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (result == null) {
                        System.out.printf(Locale.ROOT, "| %s | no | | | | | | %.0f |%n", image.getFileName(), ms);
                        continue;
                    }
                    found++;
                    if (result.valid()) {
                        valid++;
                    }
                    System.out.printf(Locale.ROOT, "| %s | yes | %s | %s | %s | %s | %s | %.0f |%n", image.getFileName(),
                            result.format(), result.valid(), result.fields().getOrDefault("document_number", ""),
                            result.fields().getOrDefault("birth_date", ""), result.fields().getOrDefault("surname", ""), ms);
                }
            }
            System.out.println();
            System.out.println("MRZ found: " + found + " of " + images.size() + "; all check digits valid: " + valid);
            return 0;
        }
    }

    @Command(name = "docs", description = "Document reading on generated card photos (images with ground-truth JSON).")
    static class Docs implements Callable<Integer> {

        @Option(names = "--dir", required = true)
        Path dir;

        @Option(names = "--json", description = "Also write the per-type summary as JSON here.")
        Path jsonOut;

        @Option(names = "--misses", description = "Also list each photo's fields that were not exact (generated data only).")
        boolean misses;

        @Override
        public Integer call() throws Exception {
            List<Outcome> outcomes;
            try (Models models = new Models(); FaceKit faces = new FaceKit(models);
                 DocumentKit documents = new DocumentKit(models, DocCommand.ocrCache(), faces.engine().detector(),
                         java.time.Clock.systemDefaultZone())) {
                outcomes = new DocumentEvaluation(documents.reader()).run(dir);
            }
            System.out.println("Engine answer (fronts: the QR's values where it was read), dates = birth and expiry "
                    + "where the truth has them; "
                    + "printed = the OCR of the card face alone. Card found = corners within 3% of the card width. "
                    + "Silent errors = photos with a key field (number, name, date) wrong and not flagged to be reviewed; "
                    + "needless reviews = photos with every key field right but one flagged.");
            System.out.println();
            System.out.println("| type | side | degradation | photos | card found | read | id number exact | name exact | dates exact "
                    + "| MRZ valid | QR read | printed id | printed name | printed dates | median ms | silent errors | needless reviews |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            var groups = new java.util.TreeMap<String, List<Outcome>>();
            for (var o : outcomes) {
                groups.computeIfAbsent(o.type() + "|" + o.side() + "|" + o.degradation(), k -> new java.util.ArrayList<>()).add(o);
                groups.computeIfAbsent(o.type() + "|" + o.side() + "|all", k -> new java.util.ArrayList<>()).add(o);
            }
            for (var entry : groups.entrySet()) {
                String[] key = entry.getKey().split("\\|");
                var list = entry.getValue();
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.0f | %s | %s |%n",
                        key[0], key[1], key[2], list.size(), rate(list, Outcome::cardFound), rate(list, Outcome::read),
                        rate(list, Outcome::idNumberExact), rate(list, Outcome::nameExact), rate(list, Outcome::datesExact),
                        rate(list, Outcome::mrzValid), rate(list, Outcome::qrRead), rate(list, Outcome::printedIdExact),
                        rate(list, Outcome::printedNameExact), rate(list, Outcome::printedDatesExact), median(list),
                        rate(list, Outcome::silentError), rate(list, Outcome::needlessReview));
            }
            System.out.println();
            System.out.println("Fields: share of photos with each ground-truth field exact, per type and side.");
            System.out.println();
            System.out.println("| type | side | photos | field | exact |");
            System.out.println("|---|---|---|---|---|");
            var bySide = new java.util.TreeMap<String, List<Outcome>>();
            outcomes.forEach(o -> bySide.computeIfAbsent(o.type() + "|" + o.side(), k -> new java.util.ArrayList<>()).add(o));
            for (var entry : bySide.entrySet()) {
                String[] key = entry.getKey().split("\\|");
                var names = new java.util.TreeSet<String>();
                entry.getValue().forEach(o -> names.addAll(o.fieldsExact().keySet()));
                for (String name : names) {
                    System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s |%n", key[0], key[1], entry.getValue().size(),
                            name, rate(entry.getValue(), o -> o.fieldsExact().get(name)));
                }
            }
            System.out.println();
            System.out.println("Fields by degradation: share of photos with each ground-truth field exact.");
            System.out.println();
            var degradations = new java.util.TreeSet<String>();
            outcomes.forEach(o -> degradations.add(o.degradation()));
            System.out.println("| type | side | field | " + String.join(" | ", degradations) + " |");
            System.out.println("|---|---|---|" + "---|".repeat(degradations.size()));
            for (var entry : bySide.entrySet()) {
                String[] key = entry.getKey().split("\\|");
                var names = new java.util.TreeSet<String>();
                entry.getValue().forEach(o -> names.addAll(o.fieldsExact().keySet()));
                for (String name : names) {
                    StringBuilder row = new StringBuilder("| " + key[0] + " | " + key[1] + " | " + name + " |");
                    for (String degradation : degradations) {
                        row.append(' ').append(rate(entry.getValue().stream()
                                .filter(o -> o.degradation().equals(degradation)).toList(),
                                o -> o.fieldsExact().get(name))).append(" |");
                    }
                    System.out.println(row);
                }
            }
            System.out.println();
            System.out.println("Quality checks: share of photos each check flags, per degradation.");
            System.out.println();
            var checks = new java.util.TreeSet<String>();
            outcomes.forEach(o -> checks.addAll(o.qualityFlags().keySet()));
            System.out.println("| degradation | photos | " + String.join(" | ", checks) + " |");
            System.out.println("|---|---|" + "---|".repeat(checks.size()));
            var byDegradation = new java.util.TreeMap<String, List<Outcome>>();
            outcomes.forEach(o -> byDegradation.computeIfAbsent(o.degradation(), k -> new java.util.ArrayList<>()).add(o));
            for (var entry : byDegradation.entrySet()) {
                StringBuilder row = new StringBuilder("| " + entry.getKey() + " | " + entry.getValue().size() + " |");
                for (String check : checks) {
                    row.append(' ').append(rate(entry.getValue(), o -> o.qualityFlags().get(check))).append(" |");
                }
                System.out.println(row);
            }
            if (misses) {
                System.out.println();
                System.out.println("Fields not exact, per photo: field: read | truth (\"to review\" when the engine flagged it).");
                System.out.println();
                for (var o : outcomes) {
                    if (!o.misread().isEmpty() || !o.read()) {
                        System.out.println(o.image() + " (" + o.degradation() + (o.cardFound() ? "" : ", card not found")
                                + (o.read() ? "" : ", not read") + ")");
                        o.misread().forEach((name, miss) ->
                                System.out.println("  " + name + ": " + miss.read() + " | " + miss.truth()
                                        + (miss.toBeReviewed() ? " (to review)" : "")));
                    }
                }
            }
            if (jsonOut != null) {
                var perType = new java.util.LinkedHashMap<String, Object>();
                var byType = new java.util.TreeMap<String, List<Outcome>>();
                outcomes.forEach(o -> byType.computeIfAbsent(o.type(), k -> new java.util.ArrayList<>()).add(o));
                for (var entry : byType.entrySet()) {
                    var list = entry.getValue();
                    var summary = new java.util.LinkedHashMap<String, Object>();
                    summary.put("count", list.size());
                    summary.put("card_found", value(list, Outcome::cardFound));
                    summary.put("id_number_exact", value(list, Outcome::idNumberExact));
                    summary.put("name_exact", value(list, Outcome::nameExact));
                    summary.put("dates_exact", value(list, Outcome::datesExact));
                    summary.put("mrz_valid", value(list, Outcome::mrzValid));
                    summary.put("median_ms", median(list));
                    summary.put("silent_errors", value(list, Outcome::silentError));
                    summary.put("needless_reviews", value(list, Outcome::needlessReview));
                    perType.put(entry.getKey(), summary);
                }
                java.nio.file.Files.writeString(jsonOut, tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(java.util.Map.of("per_type", perType)));
            }
            return 0;
        }

        private static Double value(List<Outcome> list,
                                    java.util.function.Function<Outcome, Boolean> measure) {
            long applicable = list.stream().map(measure).filter(java.util.Objects::nonNull).count();
            long yes = list.stream().map(measure).filter(Boolean.TRUE::equals).count();
            return applicable == 0 ? null : (double) yes / applicable;
        }

        private static String rate(List<Outcome> list,
                                   java.util.function.Function<Outcome, Boolean> measure) {
            Double v = value(list, measure);
            return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
        }

        private static double median(List<Outcome> list) {
            double[] ms = list.stream().mapToDouble(Outcome::millis).sorted().toArray();
            return ms.length == 0 ? Double.NaN : ms[ms.length / 2];
        }
    }
}
