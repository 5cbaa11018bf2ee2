package io.openekyc.vision.document.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.openekyc.vision.image.RgbImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * QR codes on ID cards with ZXing. A card photo's QR is small, so the picture is also tried at
 * twice its size and in its right half (where CCCD cards print it) when the whole picture fails.
 */
public final class QrReader {

    private static final Map<DecodeHintType, Object> HINTS = hints();

    public Optional<String> read(RgbImage image) {
        for (RgbImage view : List.of(image,
                image.bilinear(image.width() / 2f, 0, image.width() / 2f, image.height(), image.width(), image.height() * 2),
                image.bilinear(0, 0, image.width(), image.height(), image.width() * 2, image.height() * 2))) {
            Optional<String> text = decode(view);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decode(RgbImage image) {
        int[] pixels = new int[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                pixels[y * image.width() + x] = image.rgb(x, y);
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.width(), image.height(), pixels)));
        try {
            Result result = new QRCodeReader().decode(bitmap, HINTS);
            return Optional.of(result.getText());
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            return Optional.empty();
        }
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        return hints;
    }
}
