package io.openekyc.vision.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private static final int RED = 0xFF0000;
    private static final int BLUE = 0x0000FF;
    private static final int GREEN = 0x00FF00;
    private static final int WHITE = 0xFFFFFF;

    /** Upright: a 64x32 picture, quadrants red (top-left), blue (top-right), green (bottom-left), white. */
    private static RgbImage upright() {
        int w = 64;
        int h = 32;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = y < h / 2 ? (x < w / 2 ? RED : BLUE) : (x < w / 2 ? GREEN : WHITE);
            }
        }
        return new RgbImage(w, h, px);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientationIsUndone(int orientation) throws Exception {
        RgbImage shown = upright();
        RgbImage stored = storedFor(shown, orientation);
        byte[] jpeg = withOrientation(jpeg(stored), orientation);
        RgbImage decoded = new ImageDecoder().decode(jpeg);
        assertThat(decoded.width()).isEqualTo(64);
        assertThat(decoded.height()).isEqualTo(32);
        assertThat(near(decoded.rgb(8, 4), RED)).as("top-left red").isTrue();
        assertThat(near(decoded.rgb(56, 4), BLUE)).as("top-right blue").isTrue();
        assertThat(near(decoded.rgb(8, 28), GREEN)).as("bottom-left green").isTrue();
    }

    @Test
    void phoneSamplesWithExifRotationDecodeUpright() throws Exception {
        RgbImage live = new ImageDecoder().decode(SharedData.read("faces/spoof-samples/live_T1.jpg"));
        assertThat(live.width()).isEqualTo(480);
        assertThat(live.height()).isEqualTo(640);
    }

    /**
     * The pixels a camera stores for a scene {@code shown} when it writes this EXIF orientation,
     * written from the EXIF definitions independently of the decoder (6: the viewer must turn the
     * stored image 90 degrees clockwise, so it is stored turned counter-clockwise; 8 the reverse).
     */
    private static RgbImage storedFor(RgbImage shown, int orientation) {
        int sw = shown.width();
        int sh = shown.height();
        boolean swap = orientation >= 5;
        int w = swap ? sh : sw;
        int h = swap ? sw : sh;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = switch (orientation) {
                    case 1 -> shown.rgb(x, y);
                    case 2 -> shown.rgb(sw - 1 - x, y);            // mirrored
                    case 3 -> shown.rgb(sw - 1 - x, sh - 1 - y);   // upside down
                    case 4 -> shown.rgb(x, sh - 1 - y);            // flipped
                    case 5 -> shown.rgb(y, x);                     // transposed
                    case 6 -> shown.rgb(sw - 1 - y, x);            // turned counter-clockwise
                    case 7 -> shown.rgb(sw - 1 - y, sh - 1 - x);   // transversed
                    default -> shown.rgb(y, sh - 1 - x);           // 8: turned clockwise
                };
            }
        }
        return new RgbImage(w, h, px);
    }

    private static boolean near(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((expected >> shift) & 0xFF)) > 60) {
                return false;
            }
        }
        return true;
    }

    private static byte[] jpeg(RgbImage image) throws Exception {
        BufferedImage buffered = image.toBufferedImage();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(buffered, "jpg", out);
        return out.toByteArray();
    }

    /** Inserts an EXIF APP1 segment with one IFD entry, Orientation, right after the JPEG SOI marker. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0, 0, 0};
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        int length = exif.length + 2;
        byte[] out = new byte[jpeg.length + 2 + length];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xE1;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        System.arraycopy(exif, 0, out, 6, exif.length);
        System.arraycopy(jpeg, 2, out, 6 + exif.length, jpeg.length - 2);
        return out;
    }
}
