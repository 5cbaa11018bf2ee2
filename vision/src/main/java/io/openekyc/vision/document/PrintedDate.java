package io.openekyc.vision.document;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Dates as the engine reports them (dd/MM/yyyy, as Vietnamese cards print them), read strictly. */
public final class PrintedDate {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private PrintedDate() {
    }

    /** The date, or null when the text is absent or not a real dd/MM/yyyy date (e.g. "Không thời hạn"). */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
