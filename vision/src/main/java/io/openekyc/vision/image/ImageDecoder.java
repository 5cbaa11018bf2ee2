package io.openekyc.vision.image;


/**
 * Turns accepted image bytes into upright RGB pixels: checks them with {@link ImageProbe}, decodes
 * (JPEG incl. CMYK and progressive, PNG incl. 16-bit and grey, WebP) and applies the EXIF orientation.
 */
public final class ImageDecoder {

    private final ImageProbe probe;

    public ImageDecoder(ImageProbe probe) {
        this.probe = probe;
    }

    public ImageDecoder() {
        this(new ImageProbe());
    }

    public RgbImage decode(byte[] bytes) throws ImageRejected {
        return decodeWithInfo(bytes).image();
    }

    /** Upright pixels and what the file is (format and stored size), from a single decode. */
    public record Decoded(ImageInfo info, RgbImage image) {
    }

    public Decoded decodeWithInfo(byte[] bytes) throws ImageRejected {
        ImageProbe.Decoded decoded = probe.decode(bytes);
        ImageInfo info = decoded.info();
        RgbImage pixels = RgbImage.of(decoded.image());
        return new Decoded(info, info.format() == ImageFormat.JPEG ? upright(pixels, Orientation.of(bytes)) : pixels);
    }

    /**
     * Applies EXIF orientation 2..8 so the pixels are as the camera saw them. For each value, the
     * displayed pixel (x, y) comes from the stored pixel given by the EXIF definition of where the
     * stored 0th row and 0th column lie.
     */
    static RgbImage upright(RgbImage stored, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        int[] out = new int[outW * outH];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                out[y * outW + x] = stored.rgb(sx, sy);
            }
        }
        return new RgbImage(outW, outH, out);
    }
}
