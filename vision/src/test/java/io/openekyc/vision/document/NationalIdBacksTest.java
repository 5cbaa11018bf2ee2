package io.openekyc.vision.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.CmndRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.TablePhoto;
import io.openekyc.vision.document.generator.VnCmnd;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import io.openekyc.vision.quality.QualityCheck;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
 * The national ID variants whose backs carry no MRZ (the 2016 CCCD, the 12- and 9-digit CMND) and
 * the 12-digit CMND's front: each side typed with the spec's code and read against the identity it
 * was drawn from.
 */
class NationalIdBacksTest {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    @TempDir
    static Path cache;
    private static Models models;
    private static DocumentKit kit;
    private static IdentityFactory identities;
    private final CardRenderer renderer = new CardRenderer();
    private final CmndRenderer cmnd = new CmndRenderer(renderer);

    @BeforeAll
    static void load() {
        models = new Models();
        kit = new DocumentKit(models, cache, null,
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        identities = new IdentityFactory(models, SharedData.root());
    }

    @AfterAll
    static void close() {
        kit.close();
        models.close();
    }

    @Test
    void a2016CccdFrontIsTheCccdFrontWithoutQr() {
        VnIdentity id = identities.next2016(new Random(31));
        CardReading front = read(RgbImage.of(renderer.front2016(id, null)), CardSide.FRONT);
        assertThat(front.label()).isEqualTo("vn.national_id.front");
        assertThat(front.typeCode()).isEqualTo("cccd_front");
        assertThat(front.qr()).isNull();
        assertThat(front.value("id_number")).isEqualTo(id.number());
        assertThat(front.value("date_of_birth")).isEqualTo(PRINTED.format(id.birthDate()));
        assertThat(front.value("date_of_expiry")).isEqualTo(
                id.expiryDate() == null ? "Không thời hạn" : PRINTED.format(id.expiryDate()));
    }

    @Test
    void a2016CccdBackIsReadByItsLabelsAndMatchesItsFront() {
        VnIdentity id = identities.next2016(new Random(32));
        CardReading back = read(RgbImage.of(renderer.back2016(id)), CardSide.BACK);
        assertThat(back.label()).isEqualTo("vn.national_id.back");
        assertThat(back.typeCode()).isEqualTo("cmnd_new_cccd_back");
        assertThat(back.mrz()).isNull();
        assertThat(back.value("date_of_issue")).isEqualTo(PRINTED.format(id.issueDate()));
        assertThat(back.value("place_of_issue")).isEqualTo("CỤC CẢNH SÁT ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ");
        CardReading front = read(RgbImage.of(renderer.front2016(id, null)), CardSide.FRONT);
        assertThat(validity(front, back).status()).isEqualTo("pass");
        // The back of another card with a different issue date breaks the age-based expiry.
        VnIdentity other = identities.next2016(new Random(33));
        CardReading otherBack = read(RgbImage.of(renderer.back2016(other)), CardSide.BACK);
        boolean sameExpiry = java.util.Objects.equals(
                io.openekyc.vision.document.vn.CccdRules.expiryFor(id.birthDate(), other.issueDate()), id.expiryDate());
        assertThat(validity(front, otherBack).status()).isEqualTo(sameExpiry ? "pass" : "fail");
    }

    @Test
    void aTwelveDigitCmndIsTypedAndBothSidesRead() {
        VnCmnd card = identities.nextCmnd12(new Random(34));
        VnIdentity id = card.holder();
        CardReading front = read(RgbImage.of(cmnd.front12(card, null)), CardSide.FRONT);
        assertThat(front.typeCode()).isEqualTo("cmnd_new_front");
        assertThat(front.value("id_number")).isEqualTo(id.number());
        assertThat(CardText.fold(front.value("full_name"))).isEqualTo(CardText.fold(id.fullName()));
        assertThat(front.value("date_of_birth")).isEqualTo(PRINTED.format(id.birthDate()));
        assertThat(front.value("sex")).isEqualTo(id.sexLabel());
        assertThat(front.value("ethnicity")).isEqualTo(card.ethnicity());
        assertThat(front.value("date_of_expiry")).isEqualTo(PRINTED.format(id.issueDate().plusYears(15)));
        assertThat(front.fields()).doesNotContainKey("nationality");
        // 12 digits carry the birth-registration code and the gender/century digit.
        assertThat(front.rules()).filteredOn(r -> r.name().equals("id_dob_gender_code")).singleElement()
                .matches(r -> r.status().equals("pass"));
        CardReading back = read(RgbImage.of(cmnd.back(card)), CardSide.BACK);
        assertThat(back.typeCode()).isEqualTo("cmnd_new_cccd_back");
        assertThat(back.value("date_of_issue")).isEqualTo(PRINTED.format(id.issueDate()));
        assertThat(back.value("place_of_issue")).isEqualTo(card.placeOfIssue());
        assertThat(validity(front, back).status()).isEqualTo("pass");
    }

    @Test
    void aNineDigitCmndBackIsReadUpsideDownToo() {
        VnCmnd card = identities.cmnd(identities.nextCmnd(new Random(35)), new Random(36));
        VnIdentity id = card.holder();
        for (BufferedImage image : new BufferedImage[] {cmnd.back(card), halfTurned(cmnd.back(card))}) {
            CardReading back = read(RgbImage.of(image), CardSide.BACK);
            assertThat(back.typeCode()).isEqualTo("cmnd_old_back");
            assertThat(back.value("date_of_issue")).isEqualTo(PRINTED.format(id.issueDate()));
            assertThat(back.value("date_of_expiry")).isEqualTo(PRINTED.format(id.issueDate().plusYears(15)));
            assertThat(back.value("place_of_issue")).isEqualTo(card.placeOfIssue());
            assertThat(back.value("ethnicity")).isEqualTo(card.ethnicity());
            assertThat(back.value("religion")).isEqualTo(card.religion());
            // Issued before 2016 and valid 15 years: expired or not as of the fixed clock.
            boolean expired = id.issueDate().plusYears(15).isBefore(TODAY);
            assertThat(back.rules()).singleElement().matches(r -> r.status().equals(expired ? "fail" : "pass"));
        }
    }

    @Test
    void aChipBackWithoutReadableMrzIsStillAChipBack() {
        VnIdentity id = identities.next(new Random(37));
        BufferedImage image = renderer.back(id);
        Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 430, image.getWidth(), 200); // the MRZ gone
        g.dispose();
        CardReading back = read(RgbImage.of(image), CardSide.BACK);
        assertThat(back.typeCode()).isEqualTo("cccd_chip_back");
        assertThat(back.value("date_of_issue")).isEqualTo(PRINTED.format(id.issueDate()));
    }

    private static CardReading read(RgbImage card, CardSide side) {
        return kit.reader().read(TablePhoto.of(card), side);
    }

    private static QualityCheck validity(CardReading front, CardReading back) {
        return DocumentReader.sameCard(front, back).stream().filter(c -> c.name().equals("same_card_validity"))
                .findFirst().orElseThrow();
    }

    private static BufferedImage halfTurned(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.rotate(Math.PI, image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
