package io.openekyc.vision.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.FaceEmbedder;
import io.openekyc.vision.face.FaceEngine;
import io.openekyc.vision.model.Models;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The formats phones send all decode upright, and the face in each is the same person. */
class ImageFormatsTest {

    private static Models models;
    private static FaceEngine engine;
    private static float[] reference;

    @BeforeAll
    static void load() throws Exception {
        models = new Models();
        engine = new FaceEngine(models);
        RgbImage progressive = decode("face-progressive.jpg");
        reference = engine.embedding(progressive, engine.faces(progressive).getFirst());
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"face.webp", "face-cmyk.jpg", "face-progressive.jpg", "face-grey16.png", "face-exif6.jpg"})
    void decodesUprightAndFindsTheSamePerson(String file) throws Exception {
        byte[] bytes = bytes(file);
        RgbImage image = new ImageDecoder().decode(bytes);
        ImageFormat expected = file.endsWith(".webp") ? ImageFormat.WEBP : file.endsWith(".png") ? ImageFormat.PNG
                : ImageFormat.JPEG;
        assertThat(ImageFormat.sniff(bytes)).isEqualTo(expected);
        // Portrait: taller than wide, also for the file stored sideways with EXIF orientation 6.
        assertThat(image.height()).isGreaterThan(image.width());
        List<Face> faces = engine.faces(image);
        assertThat(faces).hasSize(1);
        float similarity = FaceEmbedder.cosine(reference, engine.embedding(image, faces.getFirst()));
        assertThat(similarity).isGreaterThan(io.openekyc.vision.face.FaceMatch.DEFAULT_THRESHOLD);
    }

    private static RgbImage decode(String file) throws Exception {
        return new ImageDecoder().decode(bytes(file));
    }

    private static byte[] bytes(String file) throws Exception {
        try (InputStream in = ImageFormatsTest.class.getResourceAsStream("/images/" + file)) {
            return in.readAllBytes();
        }
    }
}
