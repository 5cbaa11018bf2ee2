package io.openekyc.vision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.evaluation.DocumentEvaluation.Misread;
import io.openekyc.vision.evaluation.DocumentEvaluation.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentEvaluationTest {

    private static Outcome outcome(Map<String, Boolean> exact, Map<String, Misread> misread) {
        return new Outcome("vn.national_id", "front", "blur", true, true, true, false, true, null, false,
                true, false, true, Map.of(), exact, 100, "0001_front.jpg", misread);
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
}
