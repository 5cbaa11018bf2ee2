package io.openekyc.vision.image;

import java.awt.image.BufferedImage;

/**
 * Decoded pixels as packed 0xRRGGBB ints, with the sampling the models need (bilinear lookups,
 * resized and warped crops). Immutable once built.
 */
public final class RgbImage {

    private final int width;
    private final int height;
    private final int[] rgb;

    public RgbImage(int width, int height, int[] rgb) {
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("pixel count does not match the size");
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    public static RgbImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        // Fast paths for what the JPEG and PNG decoders usually return; anything else via getRGB.
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte buffer
                && buffer.getNumBanks() == 1 && image.getRaster().getParent() == null) {
            byte[] bgr = buffer.getData();
            int[] pixels = new int[w * h];
            for (int i = 0, j = 0; i < pixels.length; i++, j += 3) {
                pixels[i] = ((bgr[j + 2] & 0xFF) << 16) | ((bgr[j + 1] & 0xFF) << 8) | (bgr[j] & 0xFF);
            }
            return new RgbImage(w, h, pixels);
        }
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte buffer
                && buffer.getNumBanks() == 1 && image.getRaster().getParent() == null) {
            // Grey files store gamma-encoded levels; copy them as they are (getRGB would treat them as linear).
            byte[] grey = buffer.getData();
            int[] pixels = new int[w * h];
            for (int i = 0; i < pixels.length; i++) {
                int v = grey[i] & 0xFF;
                pixels[i] = (v << 16) | (v << 8) | v;
            }
            return new RgbImage(w, h, pixels);
        }
        if (image.getType() == BufferedImage.TYPE_USHORT_GRAY
                && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferUShort buffer
                && buffer.getNumBanks() == 1 && image.getRaster().getParent() == null) {
            short[] grey = buffer.getData();
            int[] pixels = new int[w * h];
            for (int i = 0; i < pixels.length; i++) {
                int v = (grey[i] & 0xFFFF) >> 8;
                pixels[i] = (v << 16) | (v << 8) | v;
            }
            return new RgbImage(w, h, pixels);
        }
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
        return new RgbImage(w, h, pixels);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    /**
     * Bilinear sample of channel {@code c} (0 = R, 1 = G, 2 = B) at a real-valued position; positions
     * outside the image read the nearest edge pixel.
     */
    public float sample(float x, float y, int c) {
        float fx = Math.max(0, Math.min(width - 1, x));
        float fy = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) fx;
        int y0 = (int) fy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float ax = fx - x0;
        float ay = fy - y0;
        int shift = 16 - 8 * c;
        float p00 = (rgb[y0 * width + x0] >> shift) & 0xFF;
        float p10 = (rgb[y0 * width + x1] >> shift) & 0xFF;
        float p01 = (rgb[y1 * width + x0] >> shift) & 0xFF;
        float p11 = (rgb[y1 * width + x1] >> shift) & 0xFF;
        return (p00 * (1 - ax) + p10 * ax) * (1 - ay) + (p01 * (1 - ax) + p11 * ax) * ay;
    }

    /** Grey levels (ITU-R BT.601 luma) of every pixel, row by row. */
    public double[] luma() {
        double[] grey = new double[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            grey[i] = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
        }
        return grey;
    }

    /** Grey level (ITU-R BT.601 luma) at a real-valued position. */
    public float sampleGrey(float x, float y) {
        return 0.299f * sample(x, y, 0) + 0.587f * sample(x, y, 1) + 0.114f * sample(x, y, 2);
    }

    /**
     * Resamples the region (x, y, w, h) to {@code outW x outH}. When shrinking by more than 2x the
     * region is averaged over a small grid per output pixel, so fine texture does not alias.
     */
    public RgbImage crop(float x, float y, float w, float h, int outW, int outH) {
        int[] out = new int[outW * outH];
        float sx = w / outW;
        float sy = h / outH;
        int taps = (int) Math.min(4, Math.max(1, Math.ceil(Math.max(sx, sy) / 2)));
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int ty = 0; ty < taps; ty++) {
                    for (int tx = 0; tx < taps; tx++) {
                        float px = x + (ox + (tx + 0.5f) / taps) * sx - 0.5f;
                        float py = y + (oy + (ty + 0.5f) / taps) * sy - 0.5f;
                        r += sample(px, py, 0);
                        g += sample(px, py, 1);
                        b += sample(px, py, 2);
                    }
                }
                float n = taps * taps;
                out[oy * outW + ox] = (clamp(r / n) << 16) | (clamp(g / n) << 8) | clamp(b / n);
            }
        }
        return new RgbImage(outW, outH, out);
    }

    /**
     * Plain bilinear resampling of a region (OpenCV's INTER_LINEAR: pixel centres at +0.5, no
     * averaging when shrinking), for models trained on images resized that way.
     */
    public RgbImage bilinear(float x, float y, float w, float h, int outW, int outH) {
        int[] out = new int[outW * outH];
        float sx = w / outW;
        float sy = h / outH;
        for (int oy = 0; oy < outH; oy++) {
            float py = y + (oy + 0.5f) * sy - 0.5f;
            for (int ox = 0; ox < outW; ox++) {
                float px = x + (ox + 0.5f) * sx - 0.5f;
                out[oy * outW + ox] = (clamp(sample(px, py, 0)) << 16) | (clamp(sample(px, py, 1)) << 8)
                        | clamp(sample(px, py, 2));
            }
        }
        return new RgbImage(outW, outH, out);
    }

    public RgbImage resize(int outW, int outH) {
        return crop(0, 0, width, height, outW, outH);
    }

    /**
     * Resamples the region (x, y, w, h), which may extend past the picture, to {@code outW x outH}
     * by averaging the source pixels under each output pixel (a box filter: fast, and free of
     * aliasing when shrinking); parts outside the picture take the colour {@code fill}.
     */
    public RgbImage region(float x, float y, float w, float h, int outW, int outH, int fill) {
        int[] out = new int[outW * outH];
        float sx = w / outW;
        float sy = h / outH;
        if (sx < 1 || sy < 1) {
            // Enlarging: bilinear, with the fill outside.
            for (int oy = 0; oy < outH; oy++) {
                float py = y + (oy + 0.5f) * sy - 0.5f;
                for (int ox = 0; ox < outW; ox++) {
                    float px = x + (ox + 0.5f) * sx - 0.5f;
                    if (px < -0.5f || py < -0.5f || px > width - 0.5f || py > height - 0.5f) {
                        out[oy * outW + ox] = fill;
                    } else {
                        out[oy * outW + ox] = (clamp(sample(px, py, 0)) << 16) | (clamp(sample(px, py, 1)) << 8)
                                | clamp(sample(px, py, 2));
                    }
                }
            }
            return new RgbImage(outW, outH, out);
        }
        int fillR = (fill >> 16) & 0xFF;
        int fillG = (fill >> 8) & 0xFF;
        int fillB = fill & 0xFF;
        for (int oy = 0; oy < outH; oy++) {
            int y0 = Math.round(y + oy * sy);
            int y1 = Math.max(y0 + 1, Math.round(y + (oy + 1) * sy));
            for (int ox = 0; ox < outW; ox++) {
                int x0 = Math.round(x + ox * sx);
                int x1 = Math.max(x0 + 1, Math.round(x + (ox + 1) * sx));
                long r = 0;
                long g = 0;
                long b = 0;
                for (int yy = y0; yy < y1; yy++) {
                    boolean rowInside = yy >= 0 && yy < height;
                    for (int xx = x0; xx < x1; xx++) {
                        if (rowInside && xx >= 0 && xx < width) {
                            int p = rgb[yy * width + xx];
                            r += (p >> 16) & 0xFF;
                            g += (p >> 8) & 0xFF;
                            b += p & 0xFF;
                        } else {
                            r += fillR;
                            g += fillG;
                            b += fillB;
                        }
                    }
                }
                int n = (y1 - y0) * (x1 - x0);
                out[oy * outW + ox] = (int) ((r + n / 2) / n) << 16 | (int) ((g + n / 2) / n) << 8 | (int) ((b + n / 2) / n);
            }
        }
        return new RgbImage(outW, outH, out);
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
