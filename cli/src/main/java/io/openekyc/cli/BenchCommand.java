package io.openekyc.cli;

import io.openekyc.vision.evaluation.FaceBenchmark;
import io.openekyc.vision.face.FaceEngine;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Speed benchmarks that print tables.", subcommands = {BenchCommand.Face.class, BenchCommand.Doc.class})
class BenchCommand {

    @Command(name = "face", description = "Median and p95 per face stage and per compare of two ~1-megapixel "
            + "photos, with 1 and 2 threads.")
    static class Face implements Callable<Integer> {

        @Option(names = "--data", description = "The shared data folder (default: ../shared/data).")
        Path data = Path.of("..", "shared", "data");

        @Option(names = "--iterations", description = "Operations per thread (default: ${DEFAULT-VALUE}).")
        int iterations = 20;

        @Override
        public Integer call() throws Exception {
            // Two real photos of about one megapixel: a 1366x768 group photo, and a phone selfie scaled up to 1 MP.
            byte[] first = Files.readAllBytes(data.resolve("faces/face-api-js/images/bbt1.jpg"));
            byte[] second = oneMegapixel(Files.readAllBytes(data.resolve("faces/spoof-samples/live_T1.jpg")));
            System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.arch"), System.getProperty("java.version"));
            System.out.println("| stage | threads | samples | median ms | p95 ms |");
            System.out.println("|---|---|---|---|---|");
            try (Models models = new Models()) {
                FaceEngine engine = new FaceEngine(models);
                Map<String, FaceBenchmark.ExtraStage> extra = new LinkedHashMap<>();
                io.openekyc.vision.liveness.PassiveLiveness liveness = new io.openekyc.vision.liveness.PassiveLiveness(
                        new io.openekyc.vision.liveness.SilentFaceLiveness(models));
                io.openekyc.vision.quality.SelfieQuality quality = new io.openekyc.vision.quality.SelfieQuality(
                        new io.openekyc.vision.quality.EyeState(models));
                extra.put("liveness (passive)", (image, face) -> liveness.check(image, face, 0.5));
                extra.put("quality checks", (image, face) -> quality.check(image, List.of(face)));
                for (int threads : List.of(1, 2)) {
                    for (FaceBenchmark.Stage stage : new FaceBenchmark(engine).run(first, second, threads, iterations, extra)) {
                        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f |%n", stage.name(), stage.threads(),
                                stage.samples(), stage.medianMs(), stage.p95Ms());
                    }
                }
            }
            return 0;
        }

        private static byte[] oneMegapixel(byte[] jpeg) throws Exception {
            RgbImage image = new ImageDecoder().decode(jpeg);
            double scale = Math.sqrt(1_000_000.0 / (image.width() * image.height()));
            RgbImage scaled = image.resize((int) Math.round(image.width() * scale), (int) Math.round(image.height() * scale));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(scaled.toBufferedImage(), "jpg", out);
            return out.toByteArray();
        }
    }

    @Command(name = "doc", description = "Median and p95 of reading generated card photos (about 2 megapixels): "
            + "per stage and end to end per side, with 1 and 2 threads.")
    static class Doc implements Callable<Integer> {

        @Option(names = "--dir", required = true, description = "Generated photos (./openekyc doc generate).")
        Path dir;

        @Option(names = "--photos", description = "Fronts and backs each (default: ${DEFAULT-VALUE}).")
        int photos = 5;

        @Option(names = "--iterations", description = "Rounds per thread (default: ${DEFAULT-VALUE}).")
        int iterations = 2;

        @Override
        public Integer call() throws Exception {
            List<byte[]> fronts = photos("_front.jpg");
            List<byte[]> backs = photos("_back.jpg");
            RgbImage first = new ImageDecoder().decode(fronts.getFirst());
            System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s; photos %dx%d (%.1f MP)%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                    System.getProperty("java.version"), first.width(), first.height(),
                    first.width() * first.height() / 1e6);
            System.out.println("| stage | threads | samples | median ms | p95 ms |");
            System.out.println("|---|---|---|---|---|");
            try (Models models = new Models(); io.openekyc.vision.face.FaceKit faces = new io.openekyc.vision.face.FaceKit(models);
                 io.openekyc.vision.document.DocumentKit kit = new io.openekyc.vision.document.DocumentKit(models,
                         DocCommand.ocrCache(), faces.engine().detector(), java.time.Clock.systemDefaultZone())) {
                var bench = new io.openekyc.vision.evaluation.DocumentBenchmark(kit.reader(), kit.mrz());
                for (int threads : List.of(1, 2)) {
                    for (FaceBenchmark.Stage stage : bench.run(fronts, backs, threads, iterations)) {
                        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f |%n", stage.name(), stage.threads(),
                                stage.samples(), stage.medianMs(), stage.p95Ms());
                    }
                }
            }
            return 0;
        }

        /** The first photos of a kind without blur (the engine does not read blurred fronts; the benchmark needs reads). */
        private List<byte[]> photos(String suffix) throws Exception {
            List<byte[]> out = new java.util.ArrayList<>();
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                    String truth = Files.readString(Path.of(file.toString().replace(".jpg", ".json")));
                    if (!truth.contains("\"blur\"") && out.size() < photos) {
                        out.add(Files.readAllBytes(file));
                    }
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no *" + suffix + " photos in " + dir);
            }
            return out;
        }
    }
}
