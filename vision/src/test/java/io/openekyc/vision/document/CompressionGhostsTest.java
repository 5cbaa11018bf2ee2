package io.openekyc.vision.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.generator.CardGenerator;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.PhotoEditor;
import io.openekyc.vision.document.generator.Photographer;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompressionGhostsTest {

    private static Models models;
    private static IdentityFactory identities;
    private final CardRenderer renderer = new CardRenderer();

    @BeforeAll
    static void load() {
        models = new Models();
        identities = new IdentityFactory(models, SharedData.root());
    }

    @AfterAll
    static void close() {
        models.close();
    }

    /** A chip-card front or back photographed on a table and saved as the camera would. */
    private Photographer.Photo photographed(int seed) throws Exception {
        VnIdentity id = identities.next(new Random(seed));
        RgbImage card = RgbImage.of(seed % 2 == 0 ? renderer.front(id, null) : renderer.back(id));
        Photographer.Photo photo = new Photographer().shoot(card, "none", new Random(seed));
        return new Photographer.Photo(saved(photo.image(), photo.jpegQuality()), photo.corners(), "none",
                photo.jpegQuality());
    }

    private static RgbImage saved(RgbImage image, int quality) throws Exception {
        return new ImageDecoder().decode(CardGenerator.jpeg(image.toBufferedImage(), quality));
    }

    @Test
    void aRegionPastedFromAnotherJpegIsFoundWhereItWasAndTheSamePhotoSavedAgainShowsNone() throws Exception {
        int caught = 0;
        for (int seed = 0; seed < 8; seed++) {
            Photographer.Photo photo = photographed(seed);
            PhotoEditor.Edited edited = new PhotoEditor().edit(photo.image(), photo.corners(), new Random(seed));
            CompressionGhosts.Finding pasted = CompressionGhosts.strongest(saved(edited.image(), 90), photo.corners());
            CompressionGhosts.Finding resaved = CompressionGhosts.strongest(saved(photo.image(), 90), photo.corners());

            assertThat(resaved == null ? 0 : resaved.score()).as("photo %d saved again", seed)
                    .isLessThan(DocumentReader.PASTE_LIMIT);
            if (pasted != null && pasted.score() >= DocumentReader.PASTE_LIMIT) {
                caught++;
                int[] found = pasted.region();
                int[] truth = edited.region();
                int cx = found[0] + found[2] / 2;
                int cy = found[1] + found[3] / 2;
                assertThat(cx).as("photo %d", seed).isBetween(truth[0], truth[0] + truth[2]);
                assertThat(cy).as("photo %d", seed).isBetween(truth[1], truth[1] + truth[3]);
                assertThat(pasted.shiftX()).isEqualTo(truth[0] % 8);
                assertThat(pasted.shiftY()).isEqualTo(truth[1] % 8);
            }
        }
        assertThat(caught).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aPhotoCroppedAfterItsCompressionShowsNoRegionThoughItsWholeCardIsOnAnotherGrid() throws Exception {
        Photographer.Photo photo = photographed(3);
        RgbImage image = photo.image();
        int dx = 3;
        int dy = 5;
        int[] px = new int[(image.width() - dx) * (image.height() - dy)];
        for (int y = dy; y < image.height(); y++) {
            for (int x = dx; x < image.width(); x++) {
                px[(y - dy) * (image.width() - dx) + x - dx] = image.rgb(x, y);
            }
        }
        double[][] corners = new double[4][];
        for (int i = 0; i < 4; i++) {
            corners[i] = new double[] {photo.corners()[i][0] - dx, photo.corners()[i][1] - dy};
        }
        // Saved at the quality it had: every block still sits on the first lattice, now 3,5 off the grid.
        RgbImage cropped = saved(new RgbImage(image.width() - dx, image.height() - dy, px), photo.jpegQuality());

        CompressionGhosts.Finding finding = CompressionGhosts.strongest(cropped, corners);

        assertThat(finding == null ? 0 : finding.score()).isLessThan(DocumentReader.PASTE_LIMIT);
    }

    @Test
    void aFlatCardIsNotJudged() {
        int[] px = new int[400 * 300];
        java.util.Arrays.fill(px, 0xE8E4DA);
        RgbImage blank = new RgbImage(400, 300, px);

        assertThat(CompressionGhosts.strongest(blank, new double[][] {{50, 40}, {350, 40}, {350, 260}, {50, 260}}))
                .isNull();
        assertThat(DocumentReader.photoEdits(null, true).unavailable()).isTrue();
        assertThat(DocumentReader.photoEdits(null, false).unavailable()).isTrue();
    }
}
