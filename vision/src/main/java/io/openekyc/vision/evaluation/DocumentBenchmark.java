package io.openekyc.vision.evaluation;

import io.openekyc.vision.document.CardLocator;
import io.openekyc.vision.document.CardReading;
import io.openekyc.vision.document.CardSide;
import io.openekyc.vision.document.CompressionGhosts;
import io.openekyc.vision.document.DocumentReader;
import io.openekyc.vision.document.mrz.MrzScanner;
import io.openekyc.vision.document.qr.QrReader;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import java.util.List;

/**
 * Latency of reading a card photo: decoding, locating, the QR and MRZ on the straightened card, and
 * the whole engine per side (what {@code nationalID} spends after the upload), with 1..N threads.
 */
public final class DocumentBenchmark {

    private final DocumentReader reader;
    private final MrzScanner mrz;
    private final CardLocator locator = new CardLocator();
    private final QrReader qr = new QrReader();
    private final ImageDecoder decoder = new ImageDecoder();

    public DocumentBenchmark(DocumentReader reader, MrzScanner mrz) {
        this.reader = reader;
        this.mrz = mrz;
    }

    /** Each round reads every front and back once; {@code iterations} rounds per thread. */
    public List<FaceBenchmark.Stage> run(List<byte[]> fronts, List<byte[]> backs, int threads, int iterations)
            throws Exception {
        List<String> order = List.of("decode", "locate + orient", "QR (straightened front)", "MRZ (straightened back)",
                "photo edits (beside the reading)", "front (end to end)", "back (end to end)");
        return StageTimes.measure(times -> {
            for (byte[] front : fronts) {
                once(front, CardSide.FRONT, times);
            }
            for (byte[] back : backs) {
                once(back, CardSide.BACK, times);
            }
        }, 1, threads, iterations, order);
    }

    private void once(byte[] photo, CardSide side, StageTimes times) throws Exception {
        long start = System.nanoTime();
        RgbImage image = times.time("decode", () -> decode(photo));
        CardReading reading = reader.read(image, side);
        times.record(side == CardSide.FRONT ? "front (end to end)" : "back (end to end)", start);
        if (!reading.found()) {
            throw new IllegalStateException("a benchmark photo could not be read: use photos the engine reads");
        }
        CardLocator.Located located = times.time("locate + orient", () -> locator.locate(image));
        if (located != null) {
            // Runs on a second thread during the reading: its own time, not added to the end-to-end one.
            times.time("photo edits (beside the reading)", () -> CompressionGhosts.strongest(image, located.corners()));
            RgbImage card = CardLocator.rectify(image, located.corners(), 1000, 630);
            if (side == CardSide.FRONT) {
                times.time("QR (straightened front)", () -> qr.read(card));
            } else {
                times.time("MRZ (straightened back)", () -> mrz.scan(card));
            }
        }
    }

    private RgbImage decode(byte[] bytes) {
        return StageTimes.decode(decoder, bytes);
    }
}
