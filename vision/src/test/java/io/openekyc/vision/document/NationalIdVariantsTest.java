package io.openekyc.vision.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.generator.CanCuocRenderer;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.CmndRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.TablePhoto;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variants of vn.national_id on a flat photo (the 2024 "Căn cước" card, the old 9-digit CMND):
 * each side typed and read against the identity it was drawn from.
 */
class NationalIdVariantsTest {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    @TempDir
    static Path cache;
    private static Models models;
    private static DocumentKit kit;
    private static IdentityFactory identities;
    private final CanCuocRenderer renderer = new CanCuocRenderer(new CardRenderer());

    @BeforeAll
    static void load() {
        models = new Models();
        kit = new DocumentKit(models, cache, null,
                Clock.fixed(LocalDate.of(2026, 11, 21).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        identities = new IdentityFactory(models, SharedData.root());
    }

    @AfterAll
    static void close() {
        kit.close();
        models.close();
    }

    @Test
    void theFrontIsTypedAndItsPrintedFieldsAreRead() {
        VnIdentity id = identities.next2024(new Random(21));
        CardReading reading = kit.reader().read(TablePhoto.of(RgbImage.of(renderer.front(id, null))), null);
        assertThat(reading.label()).isEqualTo("vn.national_id.front");
        assertThat(reading.typeCode()).isEqualTo("can_cuoc_front");
        assertThat(reading.qr()).isNotNull();
        // The printed values themselves, not only the QR's: the new labels must be understood.
        assertThat(reading.printed())
                .containsEntry("id_number", id.number())
                .containsEntry("full_name", id.fullName())
                .containsEntry("date_of_birth", PRINTED.format(id.birthDate()))
                .containsEntry("sex", id.sexLabel())
                .containsEntry("nationality", id.nationality())
                .doesNotContainKeys("place_of_origin", "date_of_expiry");
        assertThat(reading.tampering()).filteredOn(t -> t.name().equals("printed_vs_qr"))
                .singleElement().matches(t -> t.status().equals("pass"));
    }

    @Test
    void theBackIsTypedAndItsMrzAndPrintedFieldsAreRead() {
        VnIdentity id = identities.next2024(new Random(22));
        CardReading back = kit.reader().read(TablePhoto.of(RgbImage.of(renderer.back(id))), CardSide.BACK);
        assertThat(back.label()).isEqualTo("vn.national_id.back");
        assertThat(back.typeCode()).isEqualTo("can_cuoc_back");
        assertThat(back.value("id_number")).isEqualTo(id.number());
        assertThat(back.value("date_of_birth")).isEqualTo(PRINTED.format(id.birthDate()));
        assertThat(back.value("date_of_expiry"))
                .isEqualTo(id.expiryDate() == null ? "Không thời hạn" : PRINTED.format(id.expiryDate()));
        assertThat(back.value("date_of_issue")).isEqualTo(PRINTED.format(id.issueDate()));
        assertThat(back.value("place_of_residence")).isEqualTo(id.placeOfResidence());
        assertThat(back.value("place_of_birth")).isEqualTo(id.placeOfOrigin());
    }

    @Test
    void aChipCardBackKeepsItsCode() {
        VnIdentity id = identities.next(new Random(23));
        CardReading back = kit.reader().read(TablePhoto.of(RgbImage.of(new CardRenderer().back(id))), CardSide.BACK);
        assertThat(back.typeCode()).isEqualTo("cccd_chip_back");
        assertThat(back.value("place_of_birth")).isNull();
    }

    /** With a real portrait: without a QR code the portrait is what keeps the card upright (CardOrientation). */
    @Test
    void anOldCmndFrontIsTypedAndRead() throws Exception {
        VnIdentity id = identities.nextCmnd(new Random(24));
        RgbImage face = new ImageDecoder().decode(SharedData.read("faces/face-api-js/images/neutral.jpg"));
        CardReading front = kit.reader().read(TablePhoto.of(RgbImage.of(
                new CmndRenderer(new CardRenderer()).front(id, face.toBufferedImage()))), CardSide.FRONT);
        assertThat(front.label()).isEqualTo("vn.national_id.front");
        assertThat(front.typeCode()).isEqualTo("cmnd_old_front");
        assertThat(front.value("id_number")).isEqualTo(id.number());
        assertThat(front.value("date_of_birth")).isEqualTo(PRINTED.format(id.birthDate()));
        // Tone marks on bold capitals are where Vietnamese OCR still slips (as on the licence): the
        // name and places are held to their letters.
        assertThat(CardText.fold(front.value("full_name"))).isEqualTo(CardText.fold(id.fullName()));
        assertThat(CardText.fold(front.value("place_of_origin"))).isEqualTo(CardText.fold(id.placeOfOrigin()));
        assertThat(CardText.fold(front.value("place_of_residence")))
                .isEqualTo(CardText.fold(id.placeOfResidence()));
    }
}
