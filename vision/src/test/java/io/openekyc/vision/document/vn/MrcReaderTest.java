package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.MrcRenderer;
import io.openekyc.vision.document.generator.VnRegistration;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MrcReaderTest {

    @Test
    void readsEveryFieldOfBothLayoutsAndTellsThemApart(@TempDir Path cache) {
        DateTimeFormatter printed = DateTimeFormatter.ofPattern("dd/MM/uuuu");
        MrcRenderer renderer = new MrcRenderer(new CardRenderer());
        try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, cache, "vie")) {
            IdentityFactory identities = new IdentityFactory(models, SharedData.root());
            Random random = new Random(7);
            for (int i = 0; i < 4; i++) {
                VnRegistration r = identities.nextRegistration(random, i % 2 == 1);
                MrcReader.Read read = new MrcReader(ocr).read(RgbImage.of(renderer.render(r)));
                Map<String, CardField> fields = read.fields();
                assertThat(read.newCard()).isEqualTo(r.newCard());
                assertThat(fields.get("number_plate").value()).as(r.toString()).isEqualTo(r.numberPlate());
                assertThat(fields.get("engine_number").value()).isEqualTo(r.engineNumber());
                assertThat(fields.get("chassis_number").value()).isEqualTo(r.chassisNumber());
                assertThat(fields.get("brand").value()).isEqualTo(r.brand());
                assertThat(fields.get("model").value()).isEqualTo(r.model());
                assertThat(fields.get("color").value()).isEqualTo(r.color());
                assertThat(fields.get("first_registration_date").value()).isEqualTo(printed.format(r.firstRegistration()));
                assertThat(fields.get("last_registration_date").value()).isEqualTo(printed.format(r.lastRegistration()));
                // Tone marks are where OCR slips: names and places are held to their letters.
                assertThat(CccdFrontReader.fold(fields.get("full_name").value())).isEqualTo(CccdFrontReader.fold(r.ownerName()));
                assertThat(CccdFrontReader.fold(fields.get("address").value())).isEqualTo(CccdFrontReader.fold(r.address()));
                assertThat(CccdFrontReader.fold(fields.get("place_of_registration").value()))
                        .isEqualTo(CccdFrontReader.fold(r.placeOfRegistration()));
                if (r.newCard()) {
                    assertThat(CccdFrontReader.fold(fields.get("place_of_issue").value()))
                            .isEqualTo(CccdFrontReader.fold(r.placeOfIssue()));
                } else {
                    assertThat(fields).doesNotContainKey("place_of_issue");
                }
                assertThat(fields.values()).allSatisfy(f -> assertThat(f.confidence()).isBetween(0.0, 1.0));
            }
        }
    }
}
