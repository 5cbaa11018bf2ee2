package io.openekyc.vision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.evaluation.DocumentEvaluation.Misread;
import io.openekyc.vision.evaluation.DocumentEvaluation.Outcome;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentEvaluationTest {

    private static Outcome outcome(Map<String, Boolean> exact, Map<String, Misread> misread) {
        return outcome(exact, misread, Set.of());
    }

    private static Outcome outcome(Map<String, Boolean> exact, Map<String, Misread> misread, Set<String> reviewed) {
        return new Outcome("vn.national_id", "front", "blur", true, true, true, false, true, null, false,
                true, false, true, Map.of(), exact, 100, "0001_front.jpg", misread, reviewed);
    }

    @Test
    void aWrongNameTheEngineDidNotFlagIsASilentError() {
        var o = outcome(Map.of("id_number", true, "full_name", false),
                Map.of("full_name", new Misread("NGUYỄN KIM THÔMG", false, "NGUYỄN KIM THÔNG")));
        assertThat(o.silentError()).isTrue();
    }

    @Test
    void aWrongNameFlaggedToBeReviewedIsNotSilent() {
        var o = outcome(Map.of("id_number", true, "full_name", false),
                Map.of("full_name", new Misread("NGUYỄN KIM THÔMG", true, "NGUYỄN KIM THÔNG")));
        assertThat(o.silentError()).isFalse();
    }

    @Test
    void aMissingValueIsNotSilent() {
        var o = outcome(Map.of("date_of_birth", false),
                Map.of("date_of_birth", new Misread(null, false, "26/09/1993")));
        assertThat(o.silentError()).isFalse();
    }

    @Test
    void aWrongAddressIsNotAKeyField() {
        var o = outcome(Map.of("id_number", true, "place_of_residence", false),
                Map.of("place_of_residence", new Misread("243 Dưỡng Dáng Hải", false, "243 Đường Đặng Hải")));
        assertThat(o.silentError()).isFalse();
    }

    @Test
    void aPhotoWithoutKeyFieldsHasNoVerdict() {
        var o = outcome(Map.of("religion", false), Map.of("religion", new Misread("Phật", false, "Không")));
        assertThat(o.silentError()).isNull();
    }

    @Test
    void aRightNameFlaggedToBeReviewedIsANeedlessReview() {
        var o = outcome(Map.of("id_number", true, "full_name", true), Map.of(), Set.of("full_name"));
        assertThat(o.needlessReview()).isTrue();
        assertThat(outcome(Map.of("id_number", true, "full_name", true), Map.of(), Set.of()).needlessReview()).isFalse();
    }

    @Test
    void aFlagOnAWrongFieldIsNoNeedlessReview() {
        var o = outcome(Map.of("id_number", true, "full_name", false),
                Map.of("full_name", new Misread("HỒ TUYỂN LÂM", true, "HỒ TUYỀN LÂM")), Set.of("full_name"));
        assertThat(o.needlessReview()).isFalse();
        // A flagged address is no key field: it makes no needless review of a photo.
        assertThat(outcome(Map.of("id_number", true), Map.of(), Set.of("place_of_origin")).needlessReview()).isFalse();
    }
}
