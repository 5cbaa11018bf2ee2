package io.openekyc.vision.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageProbeTest {

    private final ImageProbe probe = new ImageProbe();

    @Test
    void acceptsPngAndJpegAndReportsTheirSize() throws Exception {
        assertThat(probe.inspect(encode(picture(64, 48), "png"))).isEqualTo(new ImageInfo(ImageFormat.PNG, 64, 48));
        assertThat(probe.inspect(encode(picture(30, 40), "jpg"))).isEqualTo(new ImageInfo(ImageFormat.JPEG, 30, 40));
    }

    @Test
    void rejectsBytesThatAreNotAnImage() {
        byte[] text = "just some text pretending to be photo.jpg".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> probe.inspect(text)).isInstanceOf(ImageRejected.class)
                .hasMessageContaining("not a JPEG, PNG or WebP");
        assertThatThrownBy(() -> probe.inspect(new byte[0])).isInstanceOf(ImageRejected.class);
    }

    @Test
    void rejectsATruncatedJpeg() throws Exception {
        byte[] jpeg = encode(picture(200, 200), "jpg");
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 3);
        assertThatThrownBy(() -> probe.inspect(truncated)).isInstanceOf(ImageRejected.class);
    }

    @Test
    void rejectsADecompressionBombFromItsHeaderAlone() throws Exception {
        byte[] bomb = withPngSize(encode(picture(8, 8), "png"), 20_000, 20_000);
        assertThatThrownBy(() -> probe.inspect(bomb)).isInstanceOf(ImageRejected.class)
                .hasMessageContaining("more than the limit");
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        byte[] png = encode(picture(100, 100), "png");
        assertThatThrownBy(() -> new ImageProbe(9_999).inspect(png)).isInstanceOf(ImageRejected.class);
        assertThat(new ImageProbe(10_000).inspect(png).pixels()).isEqualTo(10_000);
    }

    @Test
    void realPhotosAndScansFromTheSharedDataAreAccepted() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of("..", "..", "shared", "data");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(root),
                "../shared/data is absent: real-photo check skipped");
        java.util.List<java.nio.file.Path> photos;
        try (var files = java.nio.file.Files.walk(root)) {
            photos = files.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$")).limit(150).toList();
        }
        assertThat(photos).isNotEmpty();
        for (java.nio.file.Path photo : photos) {
            ImageInfo info = probe.inspect(java.nio.file.Files.readAllBytes(photo));
            assertThat(info.width()).as(photo.toString()).isPositive();
        }
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    /** Rewrites the IHDR width and height of a PNG (and its CRC) without touching the pixel data. */
    static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        int ihdrData = 16; // 8-byte signature, 4-byte length, 4-byte "IHDR"
        buffer.putInt(ihdrData, width);
        buffer.putInt(ihdrData + 4, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 4 + 13);
        buffer.putInt(ihdrData + 13, (int) crc.getValue());
        return copy;
    }
}
