package io.openekyc.vision.document.generator;

import io.openekyc.vision.image.RgbImage;

/**
 * The easiest photo of a card: straight, evenly lit, on a dark table with a margin all round, as a
 * flatbed scan or a careful phone shot gives. Tests use it where the subject is what happens after
 * the card is found; {@link Photographer} makes the hard photos.
 */
public final class TablePhoto {

    static final int TABLE = 0x3A3530;

    private TablePhoto() {
    }

    /** The card centred on a table 30% larger than it in each direction. */
    public static RgbImage of(RgbImage card) {
        int width = Math.round(card.width() * 1.3f);
        int height = Math.round(card.height() * 1.3f);
        int left = (width - card.width()) / 2;
        int top = (height - card.height()) / 2;
        int[] px = new int[width * height];
        java.util.Arrays.fill(px, TABLE);
        for (int y = 0; y < card.height(); y++) {
            for (int x = 0; x < card.width(); x++) {
                px[(top + y) * width + left + x] = card.rgb(x, y);
            }
        }
        return new RgbImage(width, height, px);
    }
}
