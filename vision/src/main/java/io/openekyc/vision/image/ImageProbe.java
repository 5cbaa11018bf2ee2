package io.openekyc.vision.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether uploaded bytes are an image we accept: a supported format by its magic bytes,
 * no more than {@code maxPixels} (read from the header before any pixel is decoded, so a
 * decompression bomb is refused cheaply), and fully decodable.
 */
public final class ImageProbe {

    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private final long maxPixels;

    public ImageProbe(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    public ImageProbe() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** An accepted image: what it is, and its decoded pixels (before EXIF orientation). */
    public record Decoded(ImageInfo info, BufferedImage image) {
    }

    public ImageInfo inspect(byte[] bytes) throws ImageRejected {
        return decode(bytes).info();
    }

    public Decoded decode(byte[] bytes) throws ImageRejected {
        ImageFormat format = ImageFormat.sniff(bytes);
        if (format == null) {
            throw new ImageRejected("file is not a JPEG, PNG or WebP image");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(format, input);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ImageRejected("image has no pixels");
                }
                if ((long) width * height > maxPixels) {
                    throw new ImageRejected("image has " + width + "x" + height
                            + " pixels, more than the limit of " + maxPixels);
                }
                // Decoders fill a truncated image with grey and only warn. Other warnings (extraneous bytes
                // before a marker, common in camera files) leave a usable image and are tolerated.
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    String lower = warning.toLowerCase(java.util.Locale.ROOT);
                    if (lower.contains("premature end") || lower.contains("truncat")) {
                        warnings.add(warning);
                    }
                });
                BufferedImage decoded = reader.read(0);
                if (decoded == null) {
                    throw new ImageRejected("image could not be decoded");
                }
                if (!warnings.isEmpty()) {
                    throw new ImageRejected("image data is corrupt or truncated (" + warnings.getFirst() + ")");
                }
                return new Decoded(new ImageInfo(format, width, height), decoded);
            } finally {
                reader.dispose();
            }
        } catch (ImageRejected rejected) {
            throw rejected;
        } catch (IOException | RuntimeException corrupt) {
            // Decoders signal truncated or corrupt data with a variety of exceptions.
            throw new ImageRejected("image data is corrupt or truncated", corrupt);
        }
    }

    private static ImageReader readerFor(ImageFormat format, ImageInputStream input) throws ImageRejected {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mediaType());
        if (!readers.hasNext() || input == null) {
            throw new ImageRejected("no decoder for " + format.mediaType());
        }
        return readers.next();
    }
}
