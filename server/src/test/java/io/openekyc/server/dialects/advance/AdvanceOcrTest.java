package io.openekyc.server.dialects.advance;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardReading;
import io.openekyc.vision.document.CardSide;
import io.openekyc.vision.quality.QualityCheck;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvanceOcrTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static CardReading front(Map<String, String> values, List<QualityCheck> quality, List<QualityCheck> rules,
                             List<QualityCheck> tampering) {
        Map<String, CardField> fields = new LinkedHashMap<>();
        values.forEach((k, v) -> fields.put(k, new CardField(v, 0.99, false, "qr")));
        return new CardReading("vn.national_id", CardSide.FRONT, "cccd_chip_front", null, fields, Map.of(), null, null,
                quality, rules, tampering, 10);
    }

    private static final Map<String, String> HOLDER = Map.of("id_number", "001187003568", "full_name", "PHẠM THỊ THU THỦY",
            "date_of_birth", "08/08/1987", "sex", "Nữ", "date_of_expiry", "08/08/2027",
            "place_of_residence", "P509-K2 Nghĩa Tân, Cầu Giấy, Hà Nội");

    @Test
    void theSideUsesAdvanceNamesAndFormatsWithNullsForWhatWasNotRead() {
        Map<String, Object> side = AdvanceOcr.side(front(HOLDER, List.of(), List.of(), List.of()), "front", TODAY);
        assertThat(side.get("idNumber")).isEqualTo("001187003568");
        assertThat(side.get("fullNameLocal")).isEqualTo("PHẠM THỊ THU THỦY");
        assertThat(side.get("fullName")).isEqualTo("PHAM THI THU THUY");
        assertThat(side.get("birthday")).isEqualTo("1987/08/08");
        assertThat(side.get("dobYear")).isEqualTo("1987");
        assertThat(side.get("expiryDate")).isEqualTo("2027/08/08");
        assertThat(side.get("daysToExpiry")).isEqualTo(260L);
        assertThat(side.get("gender")).isEqualTo("FEMALE");
        assertThat(side.get("fullAddress")).isEqualTo("P509-K2 Nghĩa Tân, Cầu Giấy, Hà Nội");
        assertThat(side).containsEntry("documentNumber", null).containsEntry("side", "front");
    }

    @Test
    void errorCodesFollowTheChecksInOrder() {
        CardReading clean = front(HOLDER, List.of(new QualityCheck("blur", "pass", 1.0, 0.7, "")), List.of(), List.of());
        assertThat(AdvanceOcr.errorCode(clean, null, "vn.national_id", 18, TODAY)).isNull();
        assertThat(AdvanceOcr.errorCode(clean, null, "vn.passport", 18, TODAY)).isEqualTo("CARD_TYPE_MISMATCH");
        assertThat(AdvanceOcr.errorCode(clean, null, "vn.national_id", 40, TODAY)).isEqualTo("AGE_VERIFICATION_FAILED");
        CardReading expired = front(HOLDER, List.of(), List.of(new QualityCheck("expiry", "fail", null, null, "expired")),
                List.of());
        assertThat(AdvanceOcr.errorCode(expired, null, "vn.national_id", null, TODAY)).isEqualTo("DOC_EXPIRED");
        CardReading blurred = front(HOLDER, List.of(new QualityCheck("blur", "fail", 0.2, 0.7, "")), List.of(), List.of());
        assertThat(AdvanceOcr.errorCode(blurred, null, "vn.national_id", null, TODAY)).isEqualTo("CARD_LOW_QUALITY_IMAGE");
        assertThat(AdvanceOcr.qualityLabels(blurred)).containsEntry("isBlur", true);
        CardReading copy = front(HOLDER, List.of(new QualityCheck("black_and_white", "fail", 1.0, 5.0, "")), List.of(),
                List.of(new QualityCheck("printed_vs_qr", "fail", 1.0, 0.0, "")));
        assertThat(AdvanceOcr.forgeryLabels(copy, null)).containsExactly("photocopy", "tampered");
        assertThat(AdvanceOcr.errorCode(copy, null, "vn.national_id", null, TODAY)).isEqualTo("ID_FORGERY_DETECTED");
        CardReading none = new CardReading(null, null, null, null, Map.of(), Map.of(), null, null, List.of(), List.of(),
                List.of(), 1);
        assertThat(AdvanceOcr.errorCode(none, null, "vn.national_id", null, TODAY)).isEqualTo("CARD_NOT_FOUND");
    }
}
