package io.openekyc.vision.document;

import io.openekyc.vision.document.mrz.MrzScanner;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.document.qr.QrReader;
import io.openekyc.vision.document.vn.AddressSplit;
import io.openekyc.vision.document.vn.CccdFrontReader;
import io.openekyc.vision.document.vn.IdBackReader;
import io.openekyc.vision.document.vn.PassportVizReader;
import io.openekyc.vision.face.FaceDetector;
import io.openekyc.vision.model.Models;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The document engine wired from the bundled models: English OCR for MRZs, card titles and
 * Philippine cards, Vietnamese for Vietnamese card faces.
 */
public final class DocumentKit implements AutoCloseable {

    private final TextRecognizer english;
    private final TextRecognizer vietnamese;
    private final DocumentReader reader;
    private final AddressSplit addresses;

    /**
     * @param ocrCache folder Tesseract's data is unpacked into
     * @param faces    portrait detector for the face_missing check (null: reported unavailable)
     */
    public DocumentKit(Models models, Path ocrCache, FaceDetector faces, Clock clock) {
        this.english = new TextRecognizer(models, ocrCache, "eng");
        this.vietnamese = new TextRecognizer(models, ocrCache, "vie");
        this.addresses = new AddressSplit(models);
        LatinRecognizer latin = new LatinRecognizer(models);
        this.reader = new DocumentReader(new CardLocator(), new CccdFrontReader(vietnamese, latin),
                new OtherFronts(english, vietnamese, latin, clock), new IdBackReader(vietnamese, latin),
                new PassportVizReader(vietnamese), new MrzScanner(english),
                new QrReader(), new CardQuality(faces), addresses, clock);
    }

    /** The administrative units (address split, place-name spellings). */
    public AddressSplit addresses() {
        return addresses;
    }

    public DocumentReader reader() {
        return reader;
    }

    public MrzScanner mrz() {
        return new MrzScanner(english);
    }

    @Override
    public void close() {
        english.close();
        vietnamese.close();
    }
}
