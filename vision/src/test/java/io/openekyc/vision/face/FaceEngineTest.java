package io.openekyc.vision.face;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceEngineTest {

    private static Models models;
    private static FaceEngine engine;
    private final ImageDecoder decoder = new ImageDecoder();

    @BeforeAll
    static void load() {
        models = new Models();
        engine = new FaceEngine(models);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void samePersonScoresAboveDifferentPeople() throws Exception {
        float[] amy1 = embedding("faces/face-api-js/images/amy/amy1.png");
        float[] amy2 = embedding("faces/face-api-js/images/amy/amy2.png");
        float[] sheldon1 = embedding("faces/face-api-js/images/sheldon/sheldon1.png");
        float[] sheldon3 = embedding("faces/face-api-js/images/sheldon/sheldon3.png");
        float[] penny1 = embedding("faces/face-api-js/images/penny/penny1.png");
        float same1 = FaceEmbedder.cosine(amy1, amy2);
        float same2 = FaceEmbedder.cosine(sheldon1, sheldon3);
        assertThat(same1).isGreaterThan(FaceEmbedder.cosine(amy1, sheldon1));
        assertThat(same1).isGreaterThan(FaceEmbedder.cosine(amy1, penny1));
        assertThat(same2).isGreaterThan(FaceEmbedder.cosine(sheldon1, penny1));
        assertThat(same2).isGreaterThan(FaceEmbedder.cosine(sheldon3, amy2));
    }

    @Test
    void embeddingsAreUnitLength() throws Exception {
        float[] e = embedding("faces/face-api-js/images/raj/raj1.png");
        double norm = 0;
        for (float v : e) {
            norm += v * v;
        }
        assertThat(e).hasSize(512);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void findsEveryFaceOfAGroupPhotoOnce() throws Exception {
        RgbImage group = decoder.decode(SharedData.read("faces/face-api-js/test-images/faces.jpg"));
        List<Face> faces = engine.faces(group);
        assertThat(faces).hasSize(6);
        for (int i = 0; i < faces.size(); i++) {
            for (int j = i + 1; j < faces.size(); j++) {
                assertThat(faces.get(i).box().iou(faces.get(j).box())).isLessThan(0.2f);
            }
        }
    }

    @Test
    void findsNoFaceWhereThereIsNone() throws Exception {
        assertThat(engine.faces(decoder.decode(SharedData.read("faces/face-api-js/test-images/white.png")))).isEmpty();
        int[] grey = new int[200 * 150];
        java.util.Arrays.fill(grey, 0x808080);
        assertThat(engine.faces(new RgbImage(200, 150, grey))).isEmpty();
    }

    @Test
    void aTightCropStillYieldsOneWholeFace() throws Exception {
        RgbImage crop = decoder.decode(SharedData.read("faces/face-api-js/images/stuart/stuart4.png"));
        List<Face> faces = engine.faces(crop);
        assertThat(faces).hasSize(1);
        // The whole face, not an eye: the box covers most of the crop.
        assertThat(faces.getFirst().box().area()).isGreaterThan(0.4f * crop.width() * crop.height());
    }

    @Test
    void landmarksFallInsideTheFaceInTheRightOrder() throws Exception {
        RgbImage image = decoder.decode(SharedData.read("faces/spoof-samples/live_T1.jpg"));
        Face face = engine.faces(image).getFirst();
        Point[] five = face.fivePoints();
        Box box = face.box();
        for (Point p : five) {
            assertThat(p.x()).isBetween(box.x1() - 5, box.x2() + 5);
            assertThat(p.y()).isBetween(box.y1() - 5, box.y2() + 5);
        }
        assertThat(five[0].x()).isLessThan(five[1].x()); // eyes left to right
        assertThat(five[2].y()).isGreaterThan(five[0].y()); // nose below the eyes
        assertThat(five[3].y()).isGreaterThan(five[2].y()); // mouth below the nose
    }

    private float[] embedding(String path) throws Exception {
        RgbImage image = decoder.decode(SharedData.read(path));
        List<Face> faces = engine.faces(image);
        assertThat(faces).as(path).isNotEmpty();
        return engine.embedding(image, faces.getFirst());
    }
}
