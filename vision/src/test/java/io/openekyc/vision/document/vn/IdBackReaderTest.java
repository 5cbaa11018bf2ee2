package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardLocator;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.CmndRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.Photographer;
import io.openekyc.vision.document.generator.VnCmnd;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdBackReaderTest {

    @Test
    void aBlurred2016BackIsToldByItsSignersTitleAlone() {
        // Folded OCR of a blurred 2016 back: every label garbled but "CỤC ... CỤC".
        assertThat(IdBackReader.type("qih: diem pa d4at6 18/10/2018, cuc timuong cuc cam0 9 say, dq% cu tho"))
                .isEqualTo(IdBackReader.CMND_NEW_CCCD_BACK);
        assertThat(IdBackReader.type("cc ynnuongg, cuc can0g sa?, 0900 ci no va (0x q90 ve dang co"))
                .isEqualTo(IdBackReader.CMND_NEW_CCCD_BACK);
        // The chip card's signer names its own department.
        assertThat(IdBackReader.type("cuc truong cuc canh sat quan ly hanh chinh ve trat tu xa hoi"))
                .isEqualTo(IdBackReader.CHIP_BACK);
        assertThat(IdBackReader.type("cuc truong cuc canh sat quan ly hanh chjnh ve trat fu xa hoi")).isNull();
        assertThat(IdBackReader.type("ho va ten full name nguyen van a")).isNull();
    }

    @Test
    void labelsRunTogetherStillTellTheBack() {
        // PP-OCR drops spaces between words.
        assertThat(IdBackReader.type("dau vetriengva d ngay16thng04nim2015 giam docca hai phong"))
                .isEqualTo(IdBackReader.CMND_OLD_BACK);
        assertThat(IdBackReader.type("sgo dhi c2om daii sau canh mui trai mppy28 hng11mm2012, giamdoccayen bai"))
                .isEqualTo(IdBackReader.CMND_NEW_CCCD_BACK);
        assertThat(IdBackReader.type("ho va ten nguyen van a ngay sinh 01/01/1990")).isNull();
    }

    @Test
    void anIssueDateReadWithoutMarksIsItsThreeNumbers() {
        assertThat(IdBackReader.unmarkedIssueDate(List.of("Dante:KinhTongiKhng", "Ngay 16thng 04nim2015")).value())
                .isEqualTo("16/04/2015");
        assertThat(IdBackReader.unmarkedIssueDate(List.of("Mppy28 hng11mm2012", "GIAM DOCCA YEN BAI")).value())
                .isEqualTo("28/11/2012");
        // "121hny": a letter read as a digit makes the day unsure; no date is better than 21/06.
        CardField unsure = IdBackReader.unmarkedIssueDate(List.of("Mppy 121hny 06mim2013"));
        assertThat(unsure.value()).isEmpty();
        assertThat(unsure.toBeReviewed()).isTrue();
        assertThat(IdBackReader.unmarkedIssueDate(List.of("Ngay 31thng 02nim2015")).value()).isEmpty();
    }

    @Test
    void eachPositionOfTheDateTakesTheCharacterMostReadingsAgreeOn() {
        assertThat(IdBackReader.majority(List.of("89/10/2018", "18/10/2018", "18/10/2015"))).isEqualTo("18/10/2018");
        assertThat(IdBackReader.majority(List.of("06/08/2019", "06/08/2019", "09/09/2019"))).isEqualTo("06/08/2019");
        // A tie keeps the first reading's character.
        assertThat(IdBackReader.majority(List.of("12/06/2019", "12/09/2019"))).isEqualTo("12/06/2019");
    }

    @Test
    void anEthnicityAndReligionWithTheirLabelSlippedBetweenThemAreTheListsNamesAtEitherEnd() {
        assertThat(IdBackReader.known("Kinh Tên giáo Không", IdBackReader.ETHNICITIES, true))
                .isEqualTo(CardField.printed("Kinh", null, true));
        assertThat(IdBackReader.known("Thái Tôn giéo Công giáo", IdBackReader.RELIGIONS, true))
                .isEqualTo(CardField.printed("Công giáo", null, true));
        assertThat(IdBackReader.known("Kinh", IdBackReader.ETHNICITIES, true)).isEqualTo(CardField.printed("Kinh", null, false));
        assertThat(IdBackReader.known("Kinh Tên giáo", IdBackReader.RELIGIONS, true))
                .isEqualTo(CardField.printed("", null, true));
    }

    /**
     * Blurred photos of 9-digit CMND backs (the generator's box blur): read again line by line by
     * PP-OCR, the back is told and its issue date read on most, every value to be reviewed.
     */
    @Test
    void blurredCmndBacksAreReadWithoutMarks(@TempDir Path cache) {
        try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, cache, "vie")) {
            IdentityFactory identities = new IdentityFactory(models, SharedData.root());
            CmndRenderer renderer = new CmndRenderer(new CardRenderer());
            IdBackReader reader = new IdBackReader(ocr, new LatinRecognizer(models));
            Random random = new Random(11);
            int told = 0;
            int dated = 0;
            StringBuilder misses = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                VnCmnd cmnd = identities.cmnd(identities.nextCmnd(random), random);
                Photographer.Photo photo = new Photographer().shoot(RgbImage.of(renderer.back(cmnd)), "blur", random);
                RgbImage card = CardLocator.rectify(photo.image(), photo.corners(), 1000, 630);
                Optional<IdBackReader.Back> back = reader.readWithoutMarks(card);
                String issued = cmnd.holder().issueDate().format(PrintedDate.FORMAT);
                if (back.isEmpty()) {
                    misses.append(issued).append(" not told\n");
                    continue;
                }
                assertThat(back.get().fields().values()).allMatch(CardField::toBeReviewed);
                // Never taken for the 12-digit CMND's back, which has the same issue block.
                assertThat(back.get().typeCode()).isEqualTo(IdBackReader.CMND_OLD_BACK);
                told++;
                boolean exact = back.get().fields().get("date_of_issue").value().equals(issued);
                dated += exact ? 1 : 0;
                if (!exact) {
                    misses.append(issued).append(" read as ").append(back.get()).append('\n');
                }
            }
            assertThat(told).as(misses.toString()).isGreaterThanOrEqualTo(4);
            assertThat(dated).as(misses.toString()).isGreaterThanOrEqualTo(4);
        }
    }
}
