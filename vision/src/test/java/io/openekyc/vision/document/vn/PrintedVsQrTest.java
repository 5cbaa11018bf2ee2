package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PrintedVsQrTest {

    private final CccdQr qr = CccdQr.parse(
            "079190001234||Trần Thị Đào|12031991|Nữ|Phường 12, Quận Gò Vấp, TP. Hồ Chí Minh|20052022").orElseThrow();

    @Test
    void theSameCardMatchesEvenWhenOcrLostTheToneMarks() {
        var result = PrintedVsQr.compare(new PrintedVsQr.Printed("079190001234", "TRAN THI DAO",
                LocalDate.of(1991, 3, 12), "F"), qr);
        assertThat(PrintedVsQr.anyMismatch(result)).isFalse();
    }

    @Test
    void aChangedBirthDateOrNameIsAMismatch() {
        var result = PrintedVsQr.compare(new PrintedVsQr.Printed("079190001234", "TRẦN THỊ ĐÀO",
                LocalDate.of(1981, 3, 12), "F"), qr);
        assertThat(result).contains(new PrintedVsQr.Comparison("date_of_birth", false),
                new PrintedVsQr.Comparison("full_name", true));
        assertThat(PrintedVsQr.anyMismatch(PrintedVsQr.compare(
                new PrintedVsQr.Printed(null, "TRẦN VĂN ĐÀO", null, null), qr))).isTrue();
    }

    @Test
    void fieldsNotReadAreNotJudged() {
        var result = PrintedVsQr.compare(new PrintedVsQr.Printed(null, null, null, null), qr);
        assertThat(result).allSatisfy(c -> assertThat(c.matches()).isNull());
    }
}
