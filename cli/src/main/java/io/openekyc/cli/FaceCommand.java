package io.openekyc.cli;

import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.FaceEngine;
import io.openekyc.vision.face.FaceKit;
import io.openekyc.vision.face.SelfieReport;
import io.openekyc.vision.liveness.PassiveLiveness;
import io.openekyc.vision.face.FaceMatch;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.ImageRejected;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "face", description = "Face engine on image files.", subcommands = {FaceCommand.Compare.class, FaceCommand.Liveness.class})
class FaceCommand {

    @Command(name = "compare", description = "Compare the largest faces of two images; prints "
            + "{\"score\":..,\"matched\":..,\"faces\":[..]}.")
    static class Compare implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "IMG1")
        Path first;

        @Parameters(index = "1", paramLabel = "IMG2")
        Path second;

        @Option(names = "--threshold", description = "Cosine threshold (default: ${DEFAULT-VALUE}).")
        float threshold = FaceMatch.DEFAULT_THRESHOLD;

        @Override
        public Integer call() throws IOException, ImageRejected {
            ImageDecoder decoder = new ImageDecoder();
            RgbImage a = decoder.decode(Files.readAllBytes(first));
            RgbImage b = decoder.decode(Files.readAllBytes(second));
            try (Models models = new Models()) {
                FaceMatch match = new FaceEngine(models).compare(a, b, threshold);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("score", match.score());
                out.put("matched", match.matched());
                out.put("threshold", match.threshold());
                out.put("model", match.model());
                out.put("faces", List.of(faceList(first, match.faces1()), faceList(second, match.faces2())));
                Json.print(out);
            }
            return 0;
        }
    }

    @Command(name = "liveness", description = "Passive liveness of each image's largest face; prints "
            + "{\"is_live\":..,\"liveness_score\":..,\"signals\":[..]} per image.")
    static class Liveness implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "IMG")
        List<Path> images;

        @Option(names = "--threshold", description = "Decision threshold on the score (default: ${DEFAULT-VALUE}).")
        double threshold = PassiveLiveness.DEFAULT_THRESHOLD;

        @Override
        public Integer call() throws IOException, ImageRejected {
            ImageDecoder decoder = new ImageDecoder();
            List<Map<String, Object>> results = new ArrayList<>();
            try (FaceKit kit = FaceKit.load()) {
                for (Path image : images) {
                    SelfieReport report = kit.selfie(decoder.decode(Files.readAllBytes(image)), threshold);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("image", image.toString());
                    out.put("face_found", report.faceFound());
                    out.put("is_live", report.liveness().live());
                    out.put("liveness_score", report.liveness().score());
                    out.put("threshold", report.liveness().threshold());
                    out.put("signals", report.liveness().signals());
                    out.put("quality", report.quality());
                    results.add(out);
                }
            }
            Json.print(results.size() == 1 ? results.getFirst() : results);
            return 0;
        }
    }

    static Map<String, Object> faceList(Path image, List<Face> faces) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Face face : faces) {
            list.add(Map.of("box", List.of(Math.round(face.box().x1()), Math.round(face.box().y1()),
                    Math.round(face.box().x2()), Math.round(face.box().y2())), "score", face.detection().score()));
        }
        return Map.of("image", image.toString(), "count", faces.size(), "faces", list);
    }
}
