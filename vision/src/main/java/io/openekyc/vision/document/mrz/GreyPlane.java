package io.openekyc.vision.document.mrz;

import io.openekyc.vision.image.RgbImage;

/** Grey levels of a picture as floats, with the resampling the MRZ reader needs. */
record GreyPlane(int width, int height, float[] grey) {

    static GreyPlane of(RgbImage image) {
        double[] luma = image.luma();
        float[] grey = new float[luma.length];
        for (int i = 0; i < luma.length; i++) {
            grey[i] = (float) luma[i];
        }
        return new GreyPlane(image.width(), image.height(), grey);
    }

    float at(int x, int y) {
        return grey[y * width + x];
    }

    /** Bilinear sample; outside the picture reads the nearest edge pixel. */
    float sample(double x, double y) {
        double fx = Math.clamp(x, 0, width - 1);
        double fy = Math.clamp(y, 0, height - 1);
        int x0 = (int) fx;
        int y0 = (int) fy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float ax = (float) (fx - x0);
        float ay = (float) (fy - y0);
        float top = grey[y0 * width + x0] * (1 - ax) + grey[y0 * width + x1] * ax;
        float bottom = grey[y1 * width + x0] * (1 - ax) + grey[y1 * width + x1] * ax;
        return top * (1 - ay) + bottom * ay;
    }

    /** Shrunk by an integer factor (box average), for finding lines in large pictures. */
    GreyPlane shrink(int factor) {
        int w = width / factor;
        int h = height / factor;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        sum += grey[(y * factor + dy) * width + x * factor + dx];
                    }
                }
                out[y * w + x] = sum / (factor * factor);
            }
        }
        return new GreyPlane(w, h, out);
    }

    /** Turned a quarter clockwise: the MRZ of a page photographed sideways runs across again. */
    GreyPlane quarterTurn() {
        float[] out = new float[grey.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[x * height + (height - 1 - y)] = grey[y * width + x];
            }
        }
        return new GreyPlane(height, width, out);
    }

    /** Enlarged by an integer factor (bilinear), so the glyphs of small pictures form blobs. */
    GreyPlane enlarge(int factor) {
        int w = width * factor;
        int h = height * factor;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = sample((x + 0.5) / factor - 0.5, (y + 0.5) / factor - 0.5);
            }
        }
        return new GreyPlane(w, h, out);
    }

    /**
     * One character cell, resampled to the template grid plus {@code margin} pixels on every side:
     * centred on (cx, cy), the text running along the unit vector (ux, uy), one pitch across and
     * {@link OcrBTemplates#CELL_HEIGHT} cap heights down. Several taps per pixel when shrinking.
     */
    float[] cell(double cx, double cy, double ux, double uy, double pitch, double capHeight, int margin) {
        int w = OcrBTemplates.W + 2 * margin;
        int h = OcrBTemplates.H + 2 * margin;
        double sx = pitch / OcrBTemplates.W;
        double sy = capHeight * OcrBTemplates.CELL_HEIGHT / OcrBTemplates.H;
        int taps = (int) Math.clamp(Math.ceil(Math.max(sx, sy)), 1, 6);
        float[] out = new float[w * h];
        for (int gy = 0; gy < h; gy++) {
            for (int gx = 0; gx < w; gx++) {
                float sum = 0;
                for (int ty = 0; ty < taps; ty++) {
                    double v = (gy - margin - OcrBTemplates.H / 2.0 + (ty + 0.5) / taps) * sy;
                    for (int tx = 0; tx < taps; tx++) {
                        double u = (gx - margin - OcrBTemplates.W / 2.0 + (tx + 0.5) / taps) * sx;
                        sum += sample(cx + u * ux - v * uy - 0.5, cy + u * uy + v * ux - 0.5);
                    }
                }
                out[gy * w + gx] = sum / (taps * taps);
            }
        }
        return out;
    }
}
