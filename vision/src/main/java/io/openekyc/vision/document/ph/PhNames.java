package io.openekyc.vision.document.ph;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.ocr.CardText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Philippine names as the cards print them, split into last, first and middle name. */
final class PhNames {

    /** Upper-case letters (with Ñ), spaces, hyphens and the period of "MA." or "JR.". */
    static final String NAME = "[A-ZÑ][A-ZÑ .'-]*";
    /** Upper-case words, digits and the punctuation of street addresses. */
    static final String ADDRESS = "[A-ZÑ0-9][A-ZÑ0-9 .,'#/-]{5,}";
    /** Words that open a compound surname (DELA CRUZ, DE LOS SANTOS, SAN JOSE). */
    private static final Set<String> PARTICLES = Set.of("DE", "DEL", "DELA", "DELOS", "LA", "LAS", "LOS", "SAN",
            "STA", "STA.", "STO", "STO.");

    private PhNames() {
    }

    /**
     * "SURNAME, GIVEN NAME MIDDLE NAME" (the PhilHealth line): the surname is everything before the
     * comma; the middle name is the last word with the particles before it, since a middle name is
     * the mother's maiden surname. Without a comma the split is a guess, and every part is flagged.
     */
    static Map<String, CardField> surnameFirst(String line) {
        String text = line.strip().replaceAll("\\s+", " ");
        int comma = text.indexOf(',');
        String last = comma < 0 ? "" : text.substring(0, comma).strip();
        List<String> rest = new ArrayList<>(Arrays.asList(text.substring(comma + 1).strip().split(" ")));
        int middleStart = rest.size() - 1;
        while (middleStart > 1 && PARTICLES.contains(rest.get(middleStart - 1))) {
            middleStart--;
        }
        String first = String.join(" ", rest.subList(0, Math.max(0, middleStart)));
        String middle = String.join(" ", rest.subList(Math.max(0, middleStart), rest.size()));
        boolean guessed = comma < 0 || rest.size() < 2;
        return parts(last, first, middle, guessed);
    }

    /** The name fields from separately printed parts (the UMID's SURNAME / GIVEN NAME / MIDDLE NAME). */
    static Map<String, CardField> parts(String last, String first, String middle, boolean guessed) {
        Map<String, CardField> fields = new LinkedHashMap<>();
        CardField lastName = part(last, guessed);
        CardField firstName = part(first, guessed);
        CardField middleName = part(middle, guessed);
        String full = String.join(" ", firstName.value(), middleName.value(), lastName.value()).strip()
                .replaceAll("\\s+", " ");
        fields.put("full_name", CardField.printed(full, null,
                lastName.toBeReviewed() || firstName.toBeReviewed() || middleName.toBeReviewed()));
        fields.put("last_name", lastName);
        fields.put("first_name", firstName);
        fields.put("middle_name", middleName);
        return fields;
    }

    private static CardField part(String value, boolean guessed) {
        CardField field = CardText.checked(value, NAME);
        return guessed ? CardField.printed(field.value(), null, true) : field;
    }
}
