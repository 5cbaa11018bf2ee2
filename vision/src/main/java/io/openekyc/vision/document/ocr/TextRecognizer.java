package io.openekyc.vision.document.ocr;

import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelUnavailable;
import io.openekyc.vision.model.Models;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * Tesseract 5 (LSTM) through bytedeco's bundled native library, with the English or Vietnamese data
 * from npm {@code @tesseract.js-data/eng} / {@code /vie}. Tesseract reads its data from a folder, so the bundled file is
 * unpacked once into a cache folder (no download). One engine per thread: Tesseract's API objects
 * are not thread-safe.
 */
public final class TextRecognizer implements AutoCloseable {

    static final String ENGLISH = "@tesseract.js-data/eng/eng.traineddata.gz";
    static final String VIETNAMESE = "@tesseract.js-data/vie/vie.traineddata.gz";
    /** The same package's other Vietnamese model (tessdata 4.0.0, trained apart from the "best" one). */
    static final String VIETNAMESE_STANDARD = "@tesseract.js-data/vie/vie_standard.traineddata.gz";
    /** Tesseract's model of the Vietnamese script (tessdata_fast, from the Debian package; trained on more text than vie). */
    static final String VIETNAMESE_SCRIPT = "tesseract-ocr-script-viet/Vietnamese.traineddata";

    private final Path dataDir;
    private final String language;
    private final ThreadLocal<TessBaseAPI> engines;
    private final List<TessBaseAPI> created = new ArrayList<>();
    private final List<TextRecognizer> otherOpinions;

    /** English (the MRZ alphabet and Latin text). */
    public TextRecognizer(Models models, Path cacheDir) {
        this(models, cacheDir, "eng");
    }

    /**
     * @param language "eng" or "vie" (Vietnamese with its diacritics; it comes with the
     *                 {@link #otherOpinions()})
     */
    public TextRecognizer(Models models, Path cacheDir, String language) {
        if (!List.of("eng", "vie", "vie_standard", "vie_script").contains(language)) {
            throw new IllegalArgumentException("OCR languages: eng, vie");
        }
        this.language = language;
        this.dataDir = unpack(models, cacheDir, language);
        this.engines = ThreadLocal.withInitial(this::newEngine);
        this.otherOpinions = language.equals("vie")
                ? List.of(new TextRecognizer(models, cacheDir, "vie_standard"), new TextRecognizer(models, cacheDir, "vie_script"))
                : List.of();
    }

    /**
     * A recogniser of the same language with a second, separately trained model (Vietnamese: the
     * standard tessdata model beside the "best" one), whose slips differ: where the two read the same
     * letters with different tone marks, neither reading can be trusted. Null for English.
     */
    public TextRecognizer secondOpinion() {
        return otherOpinions.isEmpty() ? null : otherOpinions.getFirst();
    }

    /**
     * The other models of the language, the {@link #secondOpinion()} first, then the model of the
     * Vietnamese script (tessdata_fast, from Debian), which slips on the marks the first model slips
     * on but spells some vowels it reads twice; empty for English.
     */
    public List<TextRecognizer> otherOpinions() {
        return otherOpinions;
    }

    /** A recognised word: its text, Tesseract's confidence (0..1) and its left and right edges in the image. */
    public record Word(String text, double confidence, int left, int right) {
    }

    /** One line of text: the words, and the line's text and confidence (the lowest word's, 0 when empty). */
    public record Line(String text, double confidence, List<Word> words) {
    }

    /** Lines of text in a grey image, restricted to {@code whitelist} characters (null = any). */
    public List<String> lines(RgbImage image, String whitelist) {
        TessBaseAPI api = engines.get();
        api.SetVariable("tessedit_char_whitelist", whitelist == null ? "" : whitelist);
        setImage(api, image);
        BytePointer text = api.GetUTF8Text();
        try {
            List<String> lines = new ArrayList<>();
            for (String line : text.getString(java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } finally {
            text.deallocate();
            api.Clear();
        }
    }

    /**
     * An image holding a single line of text (Tesseract's single-line mode: no layout analysis to
     * get wrong), with per-word confidences and positions.
     */
    public Line line(RgbImage image, String whitelist) {
        TessBaseAPI api = engines.get();
        int mode = api.GetPageSegMode();
        api.SetPageSegMode(org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE);
        api.SetVariable("tessedit_char_whitelist", whitelist == null ? "" : whitelist);
        setImage(api, image);
        // A line crop carries no resolution; 300 dpi spares Tesseract its guess (and its warning).
        api.SetSourceResolution(300);
        List<Word> words = new ArrayList<>();
        try {
            if (api.Recognize(null) != 0) {
                return new Line("", 0, words);
            }
            org.bytedeco.tesseract.ResultIterator it = api.GetIterator();
            if (it != null) {
                int level = org.bytedeco.tesseract.global.tesseract.RIL_WORD;
                int[] left = new int[1];
                int[] top = new int[1];
                int[] right = new int[1];
                int[] bottom = new int[1];
                do {
                    BytePointer word = it.GetUTF8Text(level);
                    if (word != null) {
                        String value = word.getString(java.nio.charset.StandardCharsets.UTF_8).strip();
                        word.deallocate();
                        it.BoundingBox(level, left, top, right, bottom);
                        if (!value.isEmpty()) {
                            words.add(new Word(value, it.Confidence(level) / 100.0, left[0], right[0]));
                        }
                    }
                } while (it.Next(level));
                it.deallocate();
            }
        } finally {
            api.Clear();
            api.SetPageSegMode(mode);
        }
        String text = String.join(" ", words.stream().map(Word::text).toList());
        double confidence = words.stream().mapToDouble(Word::confidence).min().orElse(0);
        return new Line(text, confidence, words);
    }

    /**
     * One recognised character and the characters the recogniser also considered there, each with
     * its confidence (0..1), best first; {@code wordStart} when it opens a word.
     */
    public record Symbol(List<Choice> choices, boolean wordStart) {

        public String best() {
            return choices.getFirst().text();
        }
    }

    /** A character the recogniser considered, with its confidence (0..1). */
    public record Choice(String text, double confidence) {
    }

    /**
     * A single line read character by character with Tesseract's alternatives for each (LSTM
     * choice mode), so that rules between fields can pick among what was actually seen.
     */
    public List<Symbol> symbols(RgbImage image, String whitelist) {
        TessBaseAPI api = engines.get();
        int mode = api.GetPageSegMode();
        api.SetPageSegMode(org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE);
        api.SetVariable("tessedit_char_whitelist", whitelist == null ? "" : whitelist);
        api.SetVariable("lstm_choice_mode", "1");
        setImage(api, image);
        api.SetSourceResolution(300);
        List<Symbol> symbols = new ArrayList<>();
        try {
            if (api.Recognize(null) != 0) {
                return symbols;
            }
            org.bytedeco.tesseract.ResultIterator it = api.GetIterator();
            if (it == null) {
                return symbols;
            }
            int level = org.bytedeco.tesseract.global.tesseract.RIL_SYMBOL;
            do {
                BytePointer best = it.GetUTF8Text(level);
                if (best == null) {
                    continue;
                }
                boolean wordStart = it.IsAtBeginningOf(org.bytedeco.tesseract.global.tesseract.RIL_WORD);
                List<Choice> choices = new ArrayList<>();
                choices.add(new Choice(best.getString(java.nio.charset.StandardCharsets.UTF_8), it.Confidence(level) / 100.0));
                best.deallocate();
                org.bytedeco.tesseract.ChoiceIterator alternatives = new org.bytedeco.tesseract.ChoiceIterator(it);
                do {
                    BytePointer text = alternatives.GetUTF8Text();
                    if (text != null) {
                        String value = text.getString(java.nio.charset.StandardCharsets.UTF_8);
                        text.deallocate();
                        if (choices.stream().noneMatch(c -> c.text().equals(value))) {
                            choices.add(new Choice(value, alternatives.Confidence() / 100.0));
                        }
                    }
                } while (alternatives.Next());
                alternatives.deallocate();
                symbols.add(new Symbol(List.copyOf(choices), wordStart));
            } while (it.Next(level));
            it.deallocate();
        } finally {
            api.SetVariable("lstm_choice_mode", "0");
            api.Clear();
            api.SetPageSegMode(mode);
        }
        return symbols;
    }

    private static void setImage(TessBaseAPI api, RgbImage image) {
        int w = image.width();
        int h = image.height();
        byte[] grey = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.rgb(x, y);
                grey[y * w + x] = (byte) ((299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF)) / 1000);
            }
        }
        api.SetImage(grey, w, h, 1, w);
    }

    private TessBaseAPI newEngine() {
        TessBaseAPI api = new TessBaseAPI();
        if (api.Init(dataDir.toString(), language) != 0) {
            throw new ModelUnavailable("Tesseract could not load its data from " + dataDir);
        }
        // Tesseract prints its diagnostics ("Image too small to scale!!" for a 1-2 px word its layout
        // step found on a frame line) to stderr, i.e. into the server's log; every failure it reports
        // there also shows in its results, so the messages go nowhere.
        api.SetVariable("debug_file", "/dev/null");
        synchronized (created) {
            created.add(api);
        }
        return api;
    }

    private static Path unpack(Models models, Path cacheDir, String language) {
        // Each folder is named by the package version of every file in it.
        Path dir = cacheDir.resolve(language.equals("vie_script") ? "tesseract-ocr-script-viet-4.1.0-2" : "tesseract.js-data-1.0.0");
        Path file = dir.resolve(language + ".traineddata");
        if (Files.exists(file)) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, language, ".tmp");
            String bundled = switch (language) {
                case "vie" -> VIETNAMESE;
                case "vie_standard" -> VIETNAMESE_STANDARD;
                case "vie_script" -> VIETNAMESE_SCRIPT;
                default -> ENGLISH;
            };
            ByteArrayInputStream bytes = new ByteArrayInputStream(models.file(bundled));
            try (java.io.InputStream in = bundled.endsWith(".gz") ? new GZIPInputStream(bytes) : bytes) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the OCR data into " + dir, e);
        }
    }

    @Override
    public void close() {
        otherOpinions.forEach(TextRecognizer::close);
        synchronized (created) {
            for (TessBaseAPI api : created) {
                api.End();
            }
            created.clear();
        }
    }
}
