package io.openekyc.vision.document.mrz;

import java.util.List;
import java.util.Map;

/**
 * A parsed machine-readable zone. {@code valid} is true when every check digit present is right.
 * {@code fields}: document_code, issuing_state, document_number, birth_date (YYMMDD), sex (M/F/X),
 * expiry_date, nationality, surname, given_names, optional_data(1/2), personal_number, as printed
 * with fillers removed. {@code repairs} lists OCR corrections made before parsing (empty for exact input).
 */
public record MrzResult(MrzFormat format, List<String> lines, boolean valid, Map<String, String> fields,
                        List<MrzCheck> checks, List<String> repairs) {

    public Boolean check(String field) {
        return checks.stream().filter(c -> c.field().equals(field)).findFirst().map(MrzCheck::valid).orElse(null);
    }

    public boolean hasCheck(String field) {
        return checks.stream().anyMatch(c -> c.field().equals(field));
    }
}
