package io.openekyc.vision.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the EXIF orientation (tag 0x0112) of a JPEG: phones store the sensor's pixels and record
 * the rotation in this tag, so ignoring it hands the detector a sideways face.
 */
final class Orientation {

    private Orientation() {
    }

    /** The orientation value 1..8, or 1 when there is none. */
    static int of(byte[] jpeg) {
        try {
            int offset = 2;
            while (offset + 4 <= jpeg.length) {
                if ((jpeg[offset] & 0xFF) != 0xFF) {
                    return 1;
                }
                int marker = jpeg[offset + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) {
                    return 1; // start of scan: no EXIF before the pixels
                }
                int length = ((jpeg[offset + 2] & 0xFF) << 8) | (jpeg[offset + 3] & 0xFF);
                if (marker == 0xE1 && length > 8 && offset + 4 + 6 <= jpeg.length
                        && jpeg[offset + 4] == 'E' && jpeg[offset + 5] == 'x' && jpeg[offset + 6] == 'i'
                        && jpeg[offset + 7] == 'f') {
                    return fromTiff(jpeg, offset + 10, Math.min(jpeg.length, offset + 2 + length));
                }
                offset += 2 + length;
            }
        } catch (RuntimeException malformed) {
            // A damaged EXIF block must not make an otherwise good photo unusable.
        }
        return 1;
    }

    private static int fromTiff(byte[] data, int start, int end) {
        ByteBuffer tiff = ByteBuffer.wrap(data, start, end - start).slice();
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if ((tiff.getShort(entry) & 0xFFFF) == 0x0112) {
                int value = tiff.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }
}
