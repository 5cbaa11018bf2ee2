package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.document.CardField;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
