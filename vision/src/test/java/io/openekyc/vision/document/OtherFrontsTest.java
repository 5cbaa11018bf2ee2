package io.openekyc.vision.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.CmndRenderer;
import io.openekyc.vision.document.generator.LicenceRenderer;
import io.openekyc.vision.document.generator.MrcRenderer;
import io.openekyc.vision.document.generator.PhCardRenderer;
import io.openekyc.vision.document.generator.PhIdentity;
import io.openekyc.vision.document.generator.PhIdentityFactory;
import io.openekyc.vision.document.generator.TablePhoto;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.document.generator.VnLicence;
import io.openekyc.vision.document.generator.VnRegistration;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherFrontsTest {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    @TempDir
    static Path cache;
    private static Models models;
    private static DocumentKit kit;
    private final CardRenderer base = new CardRenderer();
    private final PhCardRenderer philippine = new PhCardRenderer(base);

    @BeforeAll
    static void load() {
        models = new Models();
        kit = new DocumentKit(models, cache, null, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        kit.close();
        models.close();
    }

    @Test
    void aPhilHealthFrontIsTypedByItsTitleAndRead() {
        PhIdentity id = new PhIdentityFactory().next(new Random(31));
        CardReading reading = kit.reader().read(TablePhoto.of(RgbImage.of(philippine.philHealth(id, null))), null);
        assertThat(reading.label()).isEqualTo("ph.philhealth.front");
        assertThat(reading.typeCode()).isEqualTo("philhealth_front");
        assertThat(reading.value("id_number")).isEqualTo(id.printedPin());
        assertThat(reading.value("full_name")).isEqualTo(id.fullName());
        assertThat(reading.value("date_of_birth")).isEqualTo(PRINTED.format(id.birthDate()));
        assertThat(reading.rules()).isEmpty();
    }

    @Test
    void aUmidFrontIsTypedByItsTitleAndRead() {
        PhIdentity id = new PhIdentityFactory().next(new Random(32));
        CardReading reading = kit.reader().read(TablePhoto.of(RgbImage.of(philippine.umid(id, null))), CardSide.FRONT);
        assertThat(reading.label()).isEqualTo("ph.umid.front");
        assertThat(reading.typeCode()).isEqualTo("umid_front");
        assertThat(reading.value("id_number")).isEqualTo(id.printedCrn());
        assertThat(reading.value("last_name")).isEqualTo(id.lastName());
        assertThat(reading.value("sex")).isEqualTo(id.sex());
    }

    @Test
    void aDrivingLicenceFrontIsTypedByItsTitleAndReadEvenUpsideDown() {
        VnLicence licence = new IdentityFactory(models, SharedData.root()).nextLicence(new Random(33));
        RgbImage card = RgbImage.of(new LicenceRenderer(base).front(licence, null));
        for (RgbImage photo : List.of(TablePhoto.of(card), TablePhoto.of(halfTurn(card)))) {
            CardReading reading = kit.reader().read(photo, null);
            assertThat(reading.label()).isEqualTo("vn.driver_license.front");
            assertThat(reading.typeCode()).isEqualTo("dl_new_front");
            assertThat(reading.value("id_number")).isEqualTo(licence.number());
            assertThat(reading.value("date_of_birth")).isEqualTo(PRINTED.format(licence.holder().birthDate()));
        }
    }

    @Test
    void theNewCardsAreNotTurnedOverByTheCccdTunedOrientation() throws Exception {
        BufferedImage face = new ImageDecoder().decode(SharedData.read("faces/face-api-js/images/neutral.jpg"))
                .toBufferedImage();
        Random random = new Random(34);
        IdentityFactory vietnamese = new IdentityFactory(models, SharedData.root());
        for (int i = 0; i < 4; i++) {
            BufferedImage portrait = i % 2 == 0 ? face : null;
            PhIdentity id = new PhIdentityFactory().next(random);
            for (BufferedImage drawn : List.of(philippine.philHealth(id, portrait), philippine.umid(id, portrait),
                    new LicenceRenderer(base).front(vietnamese.nextLicence(random), portrait))) {
                RgbImage card = RgbImage.of(drawn);
                assertThat(CardOrientation.upsideDown(card)).isFalse();
                assertThat(CardOrientation.upsideDown(halfTurn(card))).isTrue();
            }
        }
    }

    @Test
    void registrationsAreTypedByTheirTitleAndReadEvenUpsideDown() {
        IdentityFactory identities = new IdentityFactory(models, SharedData.root());
        Random random = new Random(35);
        MrcRenderer renderer = new MrcRenderer(base);
        for (boolean newCard : List.of(false, true)) {
            VnRegistration r = identities.nextRegistration(random, newCard);
            RgbImage card = RgbImage.of(renderer.render(r));
            for (RgbImage photo : newCard ? List.of(TablePhoto.of(card), TablePhoto.of(halfTurn(card)))
                    : List.of(TablePhoto.of(card))) {
                CardReading reading = kit.reader().read(photo, null);
                assertThat(reading.label()).isEqualTo("vn.mrc.back");
                assertThat(reading.typeCode()).isEqualTo(newCard ? "new_register_card_back" : "old_register_card_back");
                assertThat(reading.value("number_plate")).isEqualTo(r.numberPlate());
                assertThat(reading.value("chassis_number")).isEqualTo(r.chassisNumber());
                assertThat(reading.rules()).isEmpty();
            }
        }
    }

    @Test
    void cardsWithAVietnameseIdTitleAreNotTakenForRegistrations() {
        IdentityFactory identities = new IdentityFactory(models, SharedData.root());
        // The chip CCCD (its QR decides) and the old CMND (no QR: its title decides; "chứng minh nhân
        // dân" and "chứng nhận đăng ký" share "nhan dan" once their tone marks are gone).
        CardReading chip = kit.reader().read(TablePhoto.of(RgbImage.of(base.front(identities.next(new Random(36)), null))),
                null);
        assertThat(chip.documentType()).isEqualTo("vn.national_id");
        VnIdentity cmnd = identities.nextCmnd(new Random(37));
        CardReading old = kit.reader().read(TablePhoto.of(RgbImage.of(new CmndRenderer(base).front(cmnd, null))), null);
        assertThat(old.documentType()).isEqualTo("vn.national_id");
        assertThat(old.typeCode()).isEqualTo("cmnd_old_front");
        assertThat(old.value("id_number")).isEqualTo(cmnd.number());
    }

    @Test
    void titlesNameTheirCardAndTheUmidWinsOverItsPhilHealthMention() {
        assertThat(OtherFronts.kind("CONG HOA XA HOI CHU NGHIA VIET NAM GIAY CHUNG NHAN DANG KY XE MO TO, XE MAY"))
                .isEqualTo("vn.mrc");
        assertThat(OtherFronts.kind("GIẤY CHỨNG MINH NHÂN DÂN")).isEqualTo("vn.national_id");
        assertThat(OtherFronts.nationalIdTitle("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM GIẤY CHỨNG NHẬN ĐĂNG KÝ XE")).isFalse();
        assertThat(OtherFronts.nationalIdTitle("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CĂN CƯỚC CÔNG DÂN")).isTrue();
        assertThat(OtherFronts.kind("REPUBLIC OF THE PHILIPPINES UNIFIED MULTI-PURPOSE ID SSS GSIS PhilHealth"))
                .isEqualTo("ph.umid");
        assertThat(OtherFronts.kind("PHILIPPINE HEALTH INSURANCE CORPORATION PhilHealth")).isEqualTo("ph.philhealth");
        assertThat(OtherFronts.kind("GIAY PHEP LAI XE DRIVER'S LICENSE")).isEqualTo("vn.driver_license");
        assertThat(OtherFronts.kind("CAN CUOC CONG DAN Citizen Identity Card")).isEmpty();
    }

    private static RgbImage halfTurn(RgbImage card) {
        int w = card.width();
        int h = card.height();
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[(h - 1 - y) * w + (w - 1 - x)] = card.rgb(x, y);
            }
        }
        return new RgbImage(w, h, px);
    }
}
