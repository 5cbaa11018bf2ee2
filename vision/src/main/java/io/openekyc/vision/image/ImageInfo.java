package io.openekyc.vision.image;

/** What an accepted image is: its real format and pixel size. */
public record ImageInfo(ImageFormat format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }
}
