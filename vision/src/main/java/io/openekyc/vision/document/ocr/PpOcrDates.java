package io.openekyc.vision.document.ocr;

import io.openekyc.vision.document.CardField;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

/** A card field's date settled against PP-OCR's decoding of its line, for the readers whose values are {@link CardField}s. */
public final class PpOcrDates {

    private PpOcrDates() {
    }

    /**
     * The date under {@code key} weighed against the likeliest {@code acceptable} date of {@code line}
     * ({@link DateDecoding#settle}): kept, flagged where the two differ, or replaced (to be reviewed).
     */
    public static void settle(Map<String, CardField> fields, String key, DateDecoding line, Predicate<LocalDate> acceptable) {
        CardField first = fields.get(key);
        DateDecoding.Settled settled = line.settle(first == null ? null : first.value(),
                first == null || first.toBeReviewed(), acceptable);
        if (settled.date() == null) {
            return;
        }
        boolean same = first != null && settled.date().equals(first.value());
        fields.put(key, CardField.printed(settled.date(), same ? first.confidence() : null, settled.toBeReviewed()));
    }
}
