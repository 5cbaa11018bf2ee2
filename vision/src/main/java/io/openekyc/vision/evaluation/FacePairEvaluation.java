package io.openekyc.vision.evaluation;

import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.FaceEngine;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.ImageRejected;
import io.openekyc.vision.image.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores every pair of a {@code img1,img2,same_identity} list with the face engine. Each image is
 * embedded once (its primary, largest face); a pair whose image has no face gets no score.
 */
public final class FacePairEvaluation {

    /** One scored pair; {@code score} is null when a face was not found. */
    public record ScoredPair(String image1, String image2, boolean sameIdentity, Double score) {
    }

    /** The pairs, how many could not be scored, and the metrics on the rest. */
    public record Result(List<ScoredPair> pairs, int detectionFailures, VerificationMetrics metrics) {

        public double[] scores(boolean sameIdentity) {
            return pairs.stream().filter(p -> p.sameIdentity() == sameIdentity && p.score() != null)
                    .mapToDouble(ScoredPair::score).toArray();
        }

        /** Share of scored pairs classified right at a threshold (accept when score > threshold). */
        public double accuracy(double threshold) {
            long right = pairs.stream().filter(p -> p.score() != null)
                    .filter(p -> (p.score() > threshold) == p.sameIdentity()).count();
            long scored = pairs.stream().filter(p -> p.score() != null).count();
            return scored == 0 ? Double.NaN : (double) right / scored;
        }

        public long falseAccepts(double threshold) {
            return pairs.stream().filter(p -> p.score() != null && !p.sameIdentity() && p.score() > threshold).count();
        }
    }

    private final FaceEngine engine;
    private final ImageDecoder decoder = new ImageDecoder();

    public FacePairEvaluation(FaceEngine engine) {
        this.engine = engine;
    }

    public Result run(Path pairsCsv, Path root) {
        List<String[]> rows = readPairs(pairsCsv);
        Map<String, float[]> embeddings = new HashMap<>();
        List<ScoredPair> pairs = new ArrayList<>();
        int failures = 0;
        for (String[] row : rows) {
            float[] a = embeddings.computeIfAbsent(row[0], name -> embed(root.resolve(name)));
            float[] b = embeddings.computeIfAbsent(row[1], name -> embed(root.resolve(name)));
            boolean same = row[2].equals("1") || row[2].equalsIgnoreCase("true");
            Double score = a.length == 0 || b.length == 0 ? null : (double) io.openekyc.vision.face.FaceEmbedder.cosine(a, b);
            if (score == null) {
                failures++;
            }
            pairs.add(new ScoredPair(row[0], row[1], same, score));
        }
        Result partial = new Result(pairs, failures, null);
        return new Result(pairs, failures, VerificationMetrics.of(partial.scores(true), partial.scores(false)));
    }

    /** The embedding of the image's largest face, or an empty array when there is none. */
    private float[] embed(Path image) {
        try {
            RgbImage pixels = decoder.decode(Files.readAllBytes(image));
            List<Face> faces = engine.faces(pixels);
            return faces.isEmpty() ? new float[0] : engine.embedding(pixels, faces.getFirst());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + image, e);
        } catch (ImageRejected e) {
            return new float[0];
        }
    }

    static List<String[]> readPairs(Path csv) {
        List<String[]> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
                String[] cells = line.trim().split("\\s*,\\s*");
                if (cells.length < 3 || cells[0].isEmpty()) {
                    continue;
                }
                String flag = cells[2].toLowerCase(Locale.ROOT);
                if (!flag.matches("0|1|true|false")) {
                    continue; // header line
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return rows;
    }

    public static void writeScores(Result result, Path out) {
        StringBuilder csv = new StringBuilder("img1,img2,same_identity,score\n");
        for (ScoredPair pair : result.pairs()) {
            csv.append(pair.image1()).append(',').append(pair.image2()).append(',')
                    .append(pair.sameIdentity() ? 1 : 0).append(',')
                    .append(pair.score() == null ? "" : String.format(Locale.ROOT, "%.6f", pair.score())).append('\n');
        }
        try {
            Files.writeString(out, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }
}
