package io.openekyc.cli;

import io.openekyc.vision.document.mrz.MrzResult;
import io.openekyc.vision.document.mrz.MrzScanner;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.model.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "doc", description = "Document engine on image files.", subcommands = {DocCommand.Read.class, DocCommand.Mrz.class, DocCommand.Generate.class,
        DocCommand.Recapture.class, DocCommand.Edit.class})
class DocCommand {

    /** Where the OCR data is unpacked from the jar (once). */
    static Path ocrCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "openekyc");
    }

    @Command(name = "read", description = "Read an ID card (front, and optionally back) or passport: prints the "
            + "engine's result as JSON. Exit code 3 when no readable document is found.")
    static class Read implements Callable<Integer> {

        @picocli.CommandLine.Option(names = "--card-type", required = true,
                description = "vn.national_id, vn.passport, vn.driver_license, vn.mrc (motorcycle registration), "
                        + "ph.philhealth or ph.umid.")
        String cardType;

        @Parameters(index = "0", paramLabel = "FRONT")
        Path front;

        @Parameters(index = "1", paramLabel = "BACK", arity = "0..1")
        Path back;

        @Override
        public Integer call() throws Exception {
            var readable = java.util.List.of("vn.national_id", "vn.passport", "vn.driver_license", "vn.mrc", "ph.philhealth",
                    "ph.umid");
            if (!readable.contains(cardType)) {
                System.err.println("not_supported: the engine reads " + readable + ", not " + cardType);
                return 2;
            }
            try (Models models = new Models(); io.openekyc.vision.face.FaceKit faces = new io.openekyc.vision.face.FaceKit(models);
                 io.openekyc.vision.document.DocumentKit kit = new io.openekyc.vision.document.DocumentKit(models, ocrCache(),
                         faces.engine().detector(), java.time.Clock.systemDefaultZone())) {
                ImageDecoder decoder = new ImageDecoder();
                var reader = kit.reader();
                var frontReading = reader.read(decoder.decode(Files.readAllBytes(front)),
                        io.openekyc.vision.document.CardSide.FRONT);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("card_type", cardType);
                out.put("front", reading(frontReading));
                if (back != null) {
                    var backReading = reader.read(decoder.decode(Files.readAllBytes(back)),
                            io.openekyc.vision.document.CardSide.BACK);
                    out.put("back", reading(backReading));
                    out.put("same_card", io.openekyc.vision.document.DocumentReader.sameCard(frontReading, backReading));
                }
                boolean ok = frontReading.found() && cardType.equals(frontReading.documentType());
                if (frontReading.found() && !ok) {
                    out.put("error", "card_type_mismatch: the photo shows " + frontReading.documentType());
                } else if (!ok) {
                    out.put("error", "no readable " + cardType + " found");
                }
                Json.print(out);
                return ok ? 0 : 3;
            }
        }

        private static Map<String, Object> reading(io.openekyc.vision.document.CardReading r) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("found", r.found());
            out.put("label", r.label());
            out.put("type", r.typeCode());
            out.put("fields", r.fields());
            out.put("quality", r.quality());
            out.put("rules", r.rules());
            out.put("tampering", r.tampering());
            if (r.mrz() != null) {
                out.put("mrz", Map.of("lines", r.mrz().lines(), "valid", r.mrz().valid()));
            }
            out.put("millis", Math.round(r.millis()));
            return out;
        }
    }

    @Command(name = "mrz", description = "Read the machine-readable zone of any ICAO document: prints "
            + "{\"lines\":[..],\"valid\":..,\"fields\":{..}}.")
    static class Mrz implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "IMG")
        Path image;

        @Override
        public Integer call() throws Exception {
            try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, ocrCache())) {
                MrzResult result = new MrzScanner(ocr).scan(new ImageDecoder().decode(Files.readAllBytes(image)));
                Map<String, Object> out = new LinkedHashMap<>();
                if (result == null) {
                    out.put("lines", java.util.List.of());
                    out.put("valid", false);
                    out.put("fields", Map.of());
                    out.put("error", "no machine-readable zone found");
                } else {
                    out.put("lines", result.lines());
                    out.put("valid", result.valid());
                    out.put("format", result.format().name());
                    out.put("fields", result.fields());
                    out.put("checks", result.checks());
                    out.put("repairs", result.repairs());
                }
                Json.print(out);
                return result == null ? 3 : 0;
            }
        }
    }

    @Command(name = "generate", description = "Render photographed specimen cards with ground-truth JSON beside each.")
    static class Generate implements Callable<Integer> {

        @picocli.CommandLine.Option(names = "--type", required = true, description = "Card type: vn.national_id (chip CCCD, front and back), "
                + "vn.national_id.2024 (the 2024 Căn cước card, front and back), "
                + "vn.national_id.2016 (CCCD without chip), vn.national_id.cmnd (old 9-digit CMND), vn.national_id.cmnd12 "
                + "(12-digit CMND), all front and back; ph.philhealth, ph.umid or vn.driver_license (fronts), vn.passport (data pages), "
                + "vn.mrc (motorcycle registrations, paper certificate and 2020 card in turn).")
        String type;

        @picocli.CommandLine.Option(names = "--count", defaultValue = "10")
        int count;

        @picocli.CommandLine.Option(names = "--seed", defaultValue = "1")
        long seed;

        @picocli.CommandLine.Option(names = "--out", required = true)
        Path out;

        @picocli.CommandLine.Option(names = "--portrait", description = "Face photo for the card (default: a blank silhouette).")
        Path portrait;

        @picocli.CommandLine.Option(names = "--data", description = "The shared data folder with names and codes "
                + "(default: ../shared/data).")
        Path data = Path.of("..", "shared", "data");

        @Override
        public Integer call() throws Exception {
            java.awt.image.BufferedImage face = portrait == null ? null
                    : new ImageDecoder().decode(Files.readAllBytes(portrait)).toBufferedImage();
            try (Models models = new Models()) {
                new io.openekyc.vision.document.generator.CardGenerator(
                        new io.openekyc.vision.document.generator.IdentityFactory(models, data))
                        .generate(type, count, seed, out, face);
            }
            System.out.println("wrote " + count + (type.startsWith("vn.national_id")
                    ? " front and " + count + " back" : type.equals("vn.passport") ? " passport data page"
                    : type.equals("vn.mrc") ? " registration (owner and vehicle side)" : " front")
                    + " photos with ground truth to " + out);
            return 0;
        }
    }

    @Command(name = "recapture", description = "Show each generated photo of a folder on a simulated LCD and photograph "
            + "the screen (screen-replay attacks for evaluating captured_from_screen); ground truth is carried over.")
    static class Recapture implements Callable<Integer> {

        @picocli.CommandLine.Option(names = "--in", required = true, description = "A folder written by doc generate.")
        Path in;

        @picocli.CommandLine.Option(names = "--out", required = true)
        Path out;

        @picocli.CommandLine.Option(names = "--seed", defaultValue = "1")
        long seed;

        @Override
        public Integer call() throws Exception {
            int written = new io.openekyc.vision.document.generator.ScreenRecapture().recaptureDirectory(in, out, seed);
            System.out.println("wrote " + written + " screen recaptures with ground truth to " + out);
            return 0;
        }
    }

    @Command(name = "edit", description = "Paste a rectangle of each generated photo's card back in after its own JPEG "
            + "compression and save the photo again (edited-NAME), beside the same photo saved again unedited "
            + "(resaved-NAME), for evaluating photo_tampered; ground truth is carried over.")
    static class Edit implements Callable<Integer> {

        @picocli.CommandLine.Option(names = "--in", required = true, description = "A folder written by doc generate.")
        Path in;

        @picocli.CommandLine.Option(names = "--out", required = true)
        Path out;

        @picocli.CommandLine.Option(names = "--seed", defaultValue = "1")
        long seed;

        @Override
        public Integer call() throws Exception {
            int written = new io.openekyc.vision.document.generator.PhotoEditor().editDirectory(in, out, seed);
            System.out.println("wrote " + written + " edited and " + written + " re-saved photos with ground truth to " + out);
            return 0;
        }
    }
}
