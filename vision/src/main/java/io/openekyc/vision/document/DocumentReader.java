package io.openekyc.vision.document;

import io.openekyc.vision.document.mrz.MrzFormat;
import io.openekyc.vision.document.mrz.MrzParser;
import io.openekyc.vision.document.mrz.MrzResult;
import io.openekyc.vision.document.mrz.MrzScanner;
import io.openekyc.vision.document.ocr.Deblur;
import io.openekyc.vision.document.qr.QrReader;
import io.openekyc.vision.document.vn.AddressSplit;
import io.openekyc.vision.document.vn.CccdFrontReader;
import io.openekyc.vision.document.vn.CccdQr;
import io.openekyc.vision.document.vn.CccdRules;
import io.openekyc.vision.document.vn.GivenNames;
import io.openekyc.vision.document.vn.IdBackReader;
import io.openekyc.vision.document.vn.PassportVizReader;
import io.openekyc.vision.document.vn.PrintedVsQr;
import io.openekyc.vision.document.vn.Surnames;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.quality.QualityCheck;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.function.Supplier;

/**
 * The document engine for one photo: locate and straighten the card, tell which document and side
 * it is (a front by its printed labels, a back or passport by its MRZ), read the fields, the QR and
 * the MRZ, and judge quality, consistency rules and tampering signals.
 *
 * <p>Where a chip card's QR code was read, its values (written when the card was made) are reported
 * for the fields it carries, and every printed value that disagrees with it is a tampering signal;
 * where only OCR read a field, it carries the OCR's own word confidence and review flag.
 */
public final class DocumentReader {

    static final int CARD_WIDTH = 1000;
    static final int CARD_HEIGHT = 630;
    /** Confidence of a value backed by a check digit or by the QR code it agrees with. */
    static final double CONFIRMED = 0.99;
    /**
     * A region whose mean distance to a JPEG lattice lies this far (natural log: 60%) below the card's,
     * and below its own on the photo's grid, is pasted: above the highest of 60 unedited chip-card
     * photos saved again (0.33) and of 42 real document photos and scans (0.36); 33 of 60 simulated
     * pastes scored above it (docs/EVALUATION.md, "Edited photos").
     */
    static final double PASTE_LIMIT = 0.5;
    /**
     * Type codes of the 2024 "Căn cước" card. FinOS's list (cccd_chip_front, cccd_chip_back, ...)
     * predates it; its own codes tell clients which fields to expect (place of birth instead of
     * origin, residence and expiry on the back) while documentType stays vn.national_id.
     */
    public static final String CAN_CUOC_FRONT = "can_cuoc_front";
    public static final String CAN_CUOC_BACK = "can_cuoc_back";

    private final CardLocator locator;
    private final CccdFrontReader front;
    private final OtherFronts others;
    private final IdBackReader backs;
    private final PassportVizReader viz;
    private final AddressSplit addresses;
    private final MrzScanner mrz;
    private final QrReader qr;
    private final CardQuality quality;
    private final Clock clock;

    /** @param addresses administrative units to restore printed place names against; null leaves them as read */
    public DocumentReader(CardLocator locator, CccdFrontReader front, OtherFronts others, IdBackReader backs,
                          PassportVizReader viz, MrzScanner mrz, QrReader qr, CardQuality quality, AddressSplit addresses,
                          Clock clock) {
        this.backs = backs;
        this.addresses = addresses;
        this.locator = locator;
        this.front = front;
        this.others = others;
        this.viz = viz;
        this.mrz = mrz;
        this.qr = qr;
        this.quality = quality;
        this.clock = clock;
        CompressionGhosts.loadClasses();
    }

    /**
     * @param expected the side the caller says this is (null when unknown): tried first, so the right
     *                 photo costs one reading
     */
    public CardReading read(RgbImage taken, CardSide expected) {
        long start = System.nanoTime();
        CardLocator.Located located = locator.locate(taken);
        // The compression-history check needs only the photo and the card's outline: it runs beside
        // the reading, on the other core, instead of after it.
        CompletableFuture<CompressionGhosts.Finding> ghosts = located == null ? null
                : CompletableFuture.supplyAsync(() -> CompressionGhosts.strongest(taken, located.corners()));
        // An out-of-focus card is read refocused; its quality is still judged on the photo as taken.
        RgbImage photo = located == null ? taken : refocused(taken, located.corners());
        CardReading reading = located == null ? null : readLocated(photo, located, expected);
        if (photo != taken && (reading == null || reading.side() == CardSide.BACK && reading.mrz() == null)) {
            // What the refocused photo leaves unread is read as taken, and so are backs without an MRZ
            // and registrations: their readers, tuned on blurred print, read fewer values refocused
            // (12-digit CMND backs' issue dates 81% -> 69%; EVALUATION, session 13).
            CardReading asTaken = readLocated(taken, located, expected);
            if (asTaken != null || reading == null) {
                photo = taken;
                reading = asTaken;
            }
        }
        if (reading == null) {
            // No ID-1 card outline (a passport page has other proportions) or nothing readable on it:
            // the MRZ or a chip card's QR over the whole photo still identifies the document.
            reading = back(taken, null, taken, false).or(() -> front(taken, null, taken)).orElse(null);
        }
        if (reading == null) {
            reading = new CardReading(null, null, null, located, Map.of(), Map.of(), null, null, List.of(), List.of(),
                    List.of(), 0);
        }
        if (photo != taken) {
            // Read from a refocused photo, printed values are to be reviewed even where the blur check
            // passes (a registration's paper texture can pass it): a deconvolved 4 read as 3 looks sharp.
            reading = withPrintReviewed(withQualityAsTaken(reading, taken));
        }
        return withMillis(withPhotoEditsJudged(withBlurredPrintReviewed(withPlacesRestored(reading)), ghosts),
                (System.nanoTime() - start) / 1e6);
    }

    /** The located card read: as a passport page where it is shaped like one, else as a card of either side; null when nothing reads. */
    private CardReading readLocated(RgbImage photo, CardLocator.Located located, CardSide expected) {
        if (CardLocator.aspect(located.corners()) < CardLocator.PASSPORT_OR_CARD) {
            // Shaped like a passport page: its MRZ first, on the page straightened to its own proportions.
            Optional<CardReading> page = back(photo, located, pageOf(photo, located), false);
            if (page.isPresent()) {
                return page.get();
            }
        }
        RgbImage card = CardLocator.rectify(photo, located.corners(), CARD_WIDTH, CARD_HEIGHT);
        // Backs without an MRZ (CMNDs, the 2016 CCCD) are told by their labels: first where the
        // card shows no MRZ-like rows (an MRZ search that finds nothing costs the most), else after it.
        boolean mrzFirst = CardOrientation.mayHoldMrz(card);
        return expected == CardSide.BACK
                ? (mrzFirst ? back(photo, located, card, false).or(() -> labelledBack(photo, located, card))
                        : labelledBack(photo, located, card).or(() -> back(photo, located, card, true)))
                        .orElseGet(() -> front(photo, located, card).orElse(null))
                : front(photo, located, card).or(() -> back(photo, located, card, false))
                        .or(() -> labelledBack(photo, located, card)).orElse(null);
    }

    /** Print edges wider than this (pixels, {@link Deblur#edgeWidth}) are out of focus; sharp print measures about 2. */
    static final double DEFOCUS_LIMIT = 3.5;
    private static final int DEFOCUS_STEPS = 20; // 5, 10 and 30 read fewer blurred names and dates (EVALUATION, session 13)
    // Undoing 0.85 of the measured spread instead read more blurred card names and fewer dates (same section).

    /**
     * The photo with the card's part deconvolved ({@link Deblur#defocused}) by the spread its print
     * edges measure, when they measure out of focus; else the photo itself. Blur is measured and
     * undone on the photo, where it is one width everywhere, not on the straightened card, where the
     * perspective stretches it differently across the card.
     */
    static RgbImage refocused(RgbImage photo, double[][] corners) {
        double[] xs = {corners[0][0], corners[1][0], corners[2][0], corners[3][0]};
        double[] ys = {corners[0][1], corners[1][1], corners[2][1], corners[3][1]};
        java.util.Arrays.sort(xs);
        java.util.Arrays.sort(ys);
        // Inside the card (whatever way it is turned): between the two inner corners on each axis.
        int[] inside = {(int) xs[1] + 10, (int) ys[1] + 10, (int) xs[2] - 10, (int) ys[2] - 10};
        inside = new int[] {Math.max(0, inside[0]), Math.max(0, inside[1]), Math.min(photo.width(), inside[2]),
                Math.min(photo.height(), inside[3])};
        if (inside[2] - inside[0] < 50 || inside[3] - inside[1] < 50) {
            return photo;
        }
        double width = Deblur.edgeWidth(photo, inside, 100);
        if (Double.isNaN(width) || width <= DEFOCUS_LIMIT) {
            return photo;
        }
        int[] card = {(int) xs[0] - 10, (int) ys[0] - 10, (int) Math.ceil(xs[3]) + 10, (int) Math.ceil(ys[3]) + 10};
        return Deblur.defocused(photo, card, width, DEFOCUS_STEPS);
    }

    /** The reading with its photo-quality checks made again on the photo as taken (blur, above all). */
    private CardReading withQualityAsTaken(CardReading r, RgbImage taken) {
        if (r.located() == null || r.quality().isEmpty()) {
            return r;
        }
        boolean page = r.documentType() != null && r.documentType().endsWith("passport");
        RgbImage card = page ? pageOf(taken, r.located())
                : CardLocator.rectify(taken, r.located().corners(), CARD_WIDTH, CARD_HEIGHT);
        return new CardReading(r.documentType(), r.side(), r.typeCode(), r.located(), r.fields(), r.printed(), r.mrz(),
                r.qr(), quality.check(taken, r.located(), card, r.side()), r.rules(), r.tampering(), r.millis());
    }

    /**
     * On a photo the blur check fails, text read from the card face is to be reviewed even where OCR
     * was confident: blur turns one digit or tone mark into another consistently (6 read 8 in both the
     * number and the birth year), so agreement between fields proves little. Values a check digit
     * (MRZ) or the QR backs are unaffected.
     */
    static CardReading withBlurredPrintReviewed(CardReading r) {
        if (r.quality().stream().noneMatch(q -> q.name().equals("blur") && q.failed())) {
            return r;
        }
        return withPrintReviewed(r);
    }

    /** Every value read from the card face (not backed by a check digit or the QR) to be reviewed. */
    private static CardReading withPrintReviewed(CardReading r) {
        Map<String, CardField> fields = new LinkedHashMap<>();
        r.fields().forEach((name, f) -> fields.put(name, f.source().equals("printed") && !f.toBeReviewed()
                ? f.reviewed() : f));
        return new CardReading(r.documentType(), r.side(), r.typeCode(), r.located(), fields, r.printed(), r.mrz(),
                r.qr(), r.quality(), r.rules(), r.tampering(), r.millis());
    }

    /**
     * Whether the photo itself was edited: a region of the card on the JPEG lattice of a compression
     * of its own, on another 8x8 grid than the photo's (a portrait or digits pasted in from another
     * JPEG, {@link CompressionGhosts}). Unjudged, and said so, where the card's outline was not found
     * or the card is too flat to measure.
     */
    static CardReading withPhotoEditsJudged(CardReading r, CompletableFuture<CompressionGhosts.Finding> ghosts) {
        if (!r.found()) {
            if (ghosts != null) {
                ghosts.cancel(false);
            }
            return r;
        }
        List<QualityCheck> tampering = new ArrayList<>(r.tampering());
        tampering.add(photoEdits(ghosts == null ? null : ghosts.join(), ghosts != null));
        return new CardReading(r.documentType(), r.side(), r.typeCode(), r.located(), r.fields(), r.printed(), r.mrz(),
                r.qr(), r.quality(), r.rules(), tampering, r.millis());
    }

    /** The check for a finding ({@code outlined}: whether the card's outline was found to look in). */
    public static QualityCheck photoEdits(CompressionGhosts.Finding finding, boolean outlined) {
        if (!outlined) {
            return new QualityCheck("photo_tampered", "unavailable", null, null,
                    "edits of the photo are judged on the card's outline, which was not found");
        }
        if (finding == null) {
            return new QualityCheck("photo_tampered", "unavailable", null, null,
                    "the card shows too little texture to judge its compression history");
        }
        double score = Math.round(finding.score() * 1000) / 1000.0;
        if (finding.score() < PASTE_LIMIT) {
            return new QualityCheck("photo_tampered", "pass", score, PASTE_LIMIT,
                    "no region of the card carries a JPEG compression of its own (pastes saved at quality 40-80 "
                            + "are measured; about 6 in 10 simulated ones were caught)");
        }
        int[] r = finding.region();
        return new QualityCheck("photo_tampered", "fail", score, PASTE_LIMIT,
                "the region at x %d, y %d (%d x %d px) sits on the JPEG lattice of quality %d on another 8x8 grid "
                        .formatted(r[0], r[1], r[2], r[3], finding.quality())
                        + "than the photo's: it was pasted from another JPEG");
    }

    /**
     * Front and back from the same card: the MRZ of the back against the front's fields (FPT's
     * warning E30). Checks that cannot be judged (a side not read) are "unavailable".
     */
    public static List<QualityCheck> sameCard(CardReading front, CardReading back) {
        List<QualityCheck> checks = new ArrayList<>();
        for (String field : List.of("id_number", "date_of_birth", "sex", "date_of_expiry", "full_name")) {
            String a = front == null ? null : front.value(field);
            String b = back == null ? null : back.value(field);
            if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
                checks.add(new QualityCheck("same_card_" + field, "unavailable", null, null, "not read on both sides"));
            } else {
                boolean same = field.equals("full_name") ? fold(a).equals(fold(b)) : a.equals(b);
                checks.add(new QualityCheck("same_card_" + field, same ? "pass" : "fail", null, null,
                        "front and back agree"));
            }
        }
        checks.add(validity(front, back));
        return checks;
    }

    /**
     * The front's expiry against the back's issue date: a CMND is valid 15 years from issue, a CCCD
     * to the birthday at 25, 40 or 60 its issue date leads to.
     */
    private static QualityCheck validity(CardReading front, CardReading back) {
        LocalDate issue = back == null ? null : PrintedDate.parse(back.value("date_of_issue"));
        String printedExpiry = front == null ? null : front.value("date_of_expiry");
        LocalDate birth = front == null ? null : PrintedDate.parse(front.value("date_of_birth"));
        if (issue == null || printedExpiry == null || printedExpiry.isEmpty() || front.typeCode() == null) {
            return new QualityCheck("same_card_validity", "unavailable", null, null, "no expiry and issue date to compare");
        }
        String expected;
        if (front.typeCode().startsWith("cmnd")) {
            expected = issue.plusYears(IdBackReader.CMND_YEARS).format(PrintedDate.FORMAT);
        } else if (birth != null) {
            LocalDate expiry = CccdRules.expiryFor(birth, issue);
            expected = expiry == null ? CccdRules.NO_EXPIRY : expiry.format(PrintedDate.FORMAT);
        } else {
            return new QualityCheck("same_card_validity", "unavailable", null, null, "no date of birth on the front");
        }
        return new QualityCheck("same_card_validity", expected.equals(printedExpiry) ? "pass" : "fail", null, null,
                "the front's expiry follows from the back's issue date");
    }

    /** A back without an MRZ, by its labels; where none is found upright, the card may be upside down. */
    private Optional<CardReading> labelledBack(RgbImage photo, CardLocator.Located located, RgbImage card) {
        CardLocator.Located at = located;
        RgbImage upright = card;
        Optional<IdBackReader.Back> read = backs.read(card);
        if (read.isEmpty()) {
            // Without an MRZ, QR or portrait CardOrientation has no cue, and the label block across the
            // top makes an upright back look upside down.
            at = halfTurned(located);
            upright = CardLocator.rectify(photo, at.corners(), CARD_WIDTH, CARD_HEIGHT);
            read = backs.read(upright);
        }
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Map<String, CardField> fields = read.get().fields();
        Map<String, String> ocr = new LinkedHashMap<>();
        fields.forEach((name, field) -> ocr.put(name, field.value()));
        List<QualityCheck> rules = List.of(CccdRules.cmndExpiry(value(fields, "date_of_expiry"), LocalDate.now(clock)));
        return Optional.of(new CardReading("vn.national_id", CardSide.BACK, read.get().typeCode(), at, fields, ocr, null,
                null, quality.check(photo, at, upright, CardSide.BACK),
                fields.containsKey("date_of_expiry") ? rules : List.of(), List.of(), 0));
    }

    private static CardLocator.Located halfTurned(CardLocator.Located located) {
        double[][] c = located.corners();
        return new CardLocator.Located(new double[][] {c[2], c[3], c[0], c[1]}, located.support(), located.otherCards());
    }

    private Optional<CardReading> front(RgbImage photo, CardLocator.Located located, RgbImage card) {
        // Without a located card the printed labels cannot be read (they are read on the straightened
        // card), but a chip card's QR still can, and says which card this is.
        Optional<CccdQr> code = qr.read(card).or(() -> card == photo ? Optional.empty() : qr.read(photo))
                .flatMap(CccdQr::parse);
        String title = null;
        CccdFrontReader.Front cmndRead = null;
        if (code.isEmpty() && located != null) {
            // Other cards share labels with the CCCD ("Date of birth", "Số/No"), so without a QR the
            // title decides (before the CCCD reader, which they would only cost time); a chip CCCD
            // whose QR was read costs nothing more.
            title = others.title(card);
            if (OtherFronts.CMND.equals(OtherFronts.kind(title))) {
                // The 12-digit CMND is laid out as the CCCD that followed it: the CCCD reader reads it.
                cmndRead = front.readFront(card, true);
                Map<String, CccdFrontReader.Field> printed = cmndRead.fields();
                CccdFrontReader.Field printedNumber = printed.get("id_number");
                boolean twelveDigits = printedNumber != null && printedNumber.value().matches("\\d{12}");
                if (twelveDigits || printed.containsKey("ethnicity")) {
                    return Optional.of(cmnd12(photo, located, card, printed));
                }
            }
            Optional<OtherFronts.Read> other = others.read(card, title);
            if (other.isPresent()) {
                return Optional.of(otherFront(photo, located, card, other.get()));
            }
        }
        // A CMND-titled card that neither CMND reader took has been read already (without the CCCD's date ties).
        CccdFrontReader.Front read = located == null ? new CccdFrontReader.Front(false, Map.of())
                : cmndRead != null ? cmndRead : front.readFront(card);
        Map<String, CccdFrontReader.Field> printed = read.fields();
        boolean labelled = present(printed, "id_number") || present(printed, "full_name") || present(printed, "date_of_birth");
        if (code.isEmpty() && located != null) {
            // Without a QR code or an MRZ CardOrientation has only the portrait to go by, and a title
            // line across the top (the CMND's) outweighs it: where no CCCD number was read either, the
            // card may be upside down, and its title read half-turned decides.
            CccdFrontReader.Field number = printed.get("id_number");
            if (number == null || number.toBeReviewed()) {
                CardLocator.Located turned = halfTurned(located);
                RgbImage upright = CardLocator.rectify(photo, turned.corners(), CARD_WIDTH, CARD_HEIGHT);
                Optional<OtherFronts.Read> other = others.read(upright, others.title(upright));
                if (other.isPresent()) {
                    return Optional.of(otherFront(photo, turned, upright, other.get()));
                }
            }
            if (!OtherFronts.nationalIdTitle(title)) {
                return Optional.empty(); // some other card: the CCCD reader finds "fields" on anything
            }
        }
        if (!labelled && code.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> ocr = new LinkedHashMap<>();
        printed.forEach((name, field) -> ocr.put(name, field.value()));
        Map<String, CardField> fields = new LinkedHashMap<>();
        printed.forEach((name, field) -> fields.put(name, CardField.printed(field.value(),
                Double.isNaN(field.confidence()) ? null : field.confidence(), field.toBeReviewed())));
        List<QualityCheck> checks = located == null ? List.of() : quality.check(photo, located, card, CardSide.FRONT);
        // "cccd_front" is the 2016 card: the same labels and no QR. A chip card whose QR could not be
        // read also lands here until a QR is supplied (withQr). The 2024 card keeps its own code.
        CardReading reading = new CardReading("vn.national_id", CardSide.FRONT,
                read.canCuoc2024() ? CAN_CUOC_FRONT : "cccd_front", located, fields, ocr,
                null, null, checks, rules(fields), List.of(), 0);
        return Optional.of(code.map(q -> withQr(reading, q)).orElse(reading));
    }

    /** The 12-digit CMND front ({@code cmnd_new_front}): the CCCD's number rules; valid 15 years, not to a birthday. */
    private CardReading cmnd12(RgbImage photo, CardLocator.Located located, RgbImage card,
                               Map<String, CccdFrontReader.Field> printed) {
        Map<String, String> ocr = new LinkedHashMap<>();
        Map<String, CardField> fields = new LinkedHashMap<>();
        printed.forEach((name, field) -> {
            if (!name.equals("nationality")) {
                ocr.put(name, field.value());
                fields.put(name, CardField.printed(field.value(),
                        Double.isNaN(field.confidence()) ? null : field.confidence(), field.toBeReviewed()));
            }
        });
        return new CardReading("vn.national_id", CardSide.FRONT, "cmnd_new_front", located, fields, ocr, null, null,
                quality.check(photo, located, card, CardSide.FRONT), cmndRules(fields), List.of(), 0);
    }

    /** A CMND's number rules (9 digits: length only) and its 15-year validity where an expiry is known. */
    private List<QualityCheck> cmndRules(Map<String, CardField> fields) {
        List<QualityCheck> rules = new ArrayList<>(CccdRules.check(value(fields, "id_number"),
                value(fields, "date_of_birth"), value(fields, "sex"), null, LocalDate.now(clock)));
        rules.removeIf(rule -> rule.name().equals("expiry"));
        rules.add(CccdRules.cmndExpiry(value(fields, "date_of_expiry"), LocalDate.now(clock)));
        return rules;
    }

    /** A PhilHealth, UMID, driving licence or old CMND front or a vehicle registration: printed values only; the CMND's number length is checked. */
    private CardReading otherFront(RgbImage photo, CardLocator.Located located, RgbImage card, OtherFronts.Read read) {
        Map<String, String> ocr = new LinkedHashMap<>();
        read.fields().forEach((name, field) -> ocr.put(name, field.value()));
        List<QualityCheck> checks = quality.check(photo, located, card, read.side());
        List<QualityCheck> rules = read.typeCode().equals("cmnd_old_front") ? cmndRules(read.fields()) : List.of();
        return new CardReading(read.documentType(), read.side(), read.typeCode(), located, read.fields(), ocr, null,
                null, checks, rules, List.of(), 0);
    }

    /**
     * A front with the values of its QR code (read from the photo, or from a separate QR photo or a
     * client's scanner): QR values replace the printed ones they carry, and printed values that
     * disagree are a tampering signal.
     */
    public CardReading withQr(CardReading front, CccdQr code) {
        Map<String, CardField> fields = new LinkedHashMap<>(front.fields());
        List<QualityCheck> tampering = new ArrayList<>(front.tampering());
        tampering.removeIf(t -> t.name().equals("printed_vs_qr"));
        tampering.add(fuseQr(fields, front.printed(), code));
        String typeCode = CAN_CUOC_FRONT.equals(front.typeCode()) ? CAN_CUOC_FRONT : "cccd_chip_front";
        return new CardReading(front.documentType(), CardSide.FRONT, typeCode, front.located(), fields,
                front.printed(), null, code, front.quality(), rules(fields), tampering, front.millis());
    }

    private List<QualityCheck> rules(Map<String, CardField> fields) {
        return CccdRules.check(value(fields, "id_number"), value(fields, "date_of_birth"), value(fields, "sex"),
                value(fields, "date_of_expiry"), LocalDate.now(clock));
    }

    /** QR values replace the printed ones they carry; a disagreement is a tampering signal. */
    private static QualityCheck fuseQr(Map<String, CardField> fields, Map<String, String> printed, CccdQr code) {
        String sex = code.sex().equals("M") ? "Nam" : "Nữ";
        LocalDate birth = PrintedDate.parse(value(printed, "date_of_birth"));
        List<PrintedVsQr.Comparison> comparisons = PrintedVsQr.compare(new PrintedVsQr.Printed(
                blankToNull(value(printed, "id_number")), blankToNull(value(printed, "full_name")), birth,
                switch (String.valueOf(value(printed, "sex"))) {
                    case "Nam" -> "M";
                    case "Nữ" -> "F";
                    default -> null;
                }), code);
        putQr(fields, "id_number", code.number(), comparisons);
        putQr(fields, "full_name", code.fullName(), comparisons);
        putQr(fields, "date_of_birth", code.birthDate().format(PrintedDate.FORMAT), comparisons);
        putQr(fields, "sex", sex, comparisons);
        String residence = value(printed, "place_of_residence");
        fields.put("place_of_residence", new CardField(code.address(),
                residence != null && fold(residence).equals(fold(code.address())) ? CONFIRMED : null, false, "qr"));
        fields.put("date_of_issue", new CardField(code.issueDate().format(PrintedDate.FORMAT), null, false, "qr"));
        if (code.oldNumber() != null) {
            fields.put("old_id_number", new CardField(code.oldNumber(), null, false, "qr"));
        }
        boolean mismatch = PrintedVsQr.anyMismatch(comparisons);
        List<String> differing = comparisons.stream().filter(c -> Boolean.FALSE.equals(c.matches()))
                .map(PrintedVsQr.Comparison::field).toList();
        return new QualityCheck("printed_vs_qr", mismatch ? "fail" : "pass", (double) differing.size(), 0.0,
                mismatch ? "printed fields differ from the QR code: " + String.join(", ", differing)
                        : "printed fields agree with the QR code");
    }

    /** The QR's value, confirmed when the printed one agrees; reviewed when the printed one differs. */
    private static void putQr(Map<String, CardField> fields, String name, String value,
                              List<PrintedVsQr.Comparison> comparisons) {
        Boolean matches = comparisons.stream().filter(c -> c.field().equals(name)).findFirst()
                .map(PrintedVsQr.Comparison::matches).orElse(null);
        fields.put(name, new CardField(value, Boolean.TRUE.equals(matches) ? CONFIRMED : null,
                Boolean.FALSE.equals(matches), "qr"));
    }

    /** @param labelsUnread the labelled-back reader already found no labels on {@code card}: not run again */
    private Optional<CardReading> back(RgbImage photo, CardLocator.Located located, RgbImage card, boolean labelsUnread) {
        MrzResult zone = mrz.scan(card);
        if (zone == null || zone.checks().stream().noneMatch(c -> Boolean.TRUE.equals(c.valid()))) {
            return Optional.empty();
        }
        Map<String, String> f = zone.fields();
        Map<String, CardField> fields = new LinkedHashMap<>();
        String documentType;
        String typeCode;
        CardSide side;
        if (zone.format() == MrzFormat.TD3 && "P".equals(f.get("document_code").substring(0, 1))) {
            // Another country's passport is read all the same, but it is not a vn.passport.
            boolean vietnamese = "VNM".equals(f.get("issuing_state"));
            documentType = vietnamese ? "vn.passport" : "passport";
            typeCode = vietnamese ? "vn_passport_front" : "passport_front";
            side = CardSide.FRONT;
            putMrz(fields, "passport_number", f.get("document_number"), zone.check("document_number"));
            putMrz(fields, "id_number", personalNumber(zone), zone.check("personal_number"));
            putMrz(fields, "country_code", f.get("issuing_state"), null);
            if (located != null && card.width() != PassportVizReader.WIDTH) {
                card = pageOf(photo, located); // found as a card: the page read at its own proportions
            }
        } else if (zone.format() == MrzFormat.TD1 && "VNM".equals(f.get("issuing_state"))) {
            documentType = "vn.national_id";
            typeCode = "cccd_chip_back";
            side = CardSide.BACK;
            // On a CCCD the document number is the last 9 digits and the optional data the whole 12.
            String optional = f.getOrDefault("optional_data_1", "");
            putMrz(fields, "id_number", optional.isEmpty() ? f.get("document_number") : optional,
                    optional.isEmpty() ? zone.check("document_number") : zone.check("composite"));
        } else {
            return Optional.empty();
        }
        putMrz(fields, "full_name", (f.getOrDefault("surname", "") + " " + f.getOrDefault("given_names", "")).strip(), null);
        putMrz(fields, "date_of_birth", mrzDate(f.get("birth_date"), true), zone.check("birth_date"));
        putMrz(fields, "sex", switch (f.getOrDefault("sex", "")) {
            case "M" -> "Nam";
            case "F" -> "Nữ";
            default -> "";
        }, null);
        if ("<<<<<<".equals(f.get("expiry_date"))) {
            // A card without expiry (holders over 58) leaves the MRZ expiry blank.
            fields.put("date_of_expiry", new CardField(CccdRules.NO_EXPIRY, null, false, "mrz"));
        } else {
            putMrz(fields, "date_of_expiry", mrzDate(f.get("expiry_date"), false), zone.check("expiry_date"));
        }
        putMrz(fields, "nationality", f.get("nationality"), null);
        reviewedWhenMisread(fields, zone);
        if (documentType.equals("vn.passport")) {
            reviewedUnlessVietnamesePassportNumber(fields);
        }
        Map<String, String> printed = new LinkedHashMap<>();
        if (typeCode.equals("cccd_chip_back") && located != null) {
            Optional<Map<String, CccdFrontReader.Field>> canCuoc = front.readCanCuocBack(card);
            if (canCuoc.isPresent()) {
                typeCode = CAN_CUOC_BACK;
                canCuoc.get().forEach((name, field) -> {
                    printed.put(name, field.value());
                    // The MRZ's expiry is backed by its check digit: the printed one only fills a gap.
                    if (!name.equals("date_of_expiry") || !fields.containsKey(name)) {
                        fields.put(name, CardField.printed(field.value(),
                                Double.isNaN(field.confidence()) ? null : field.confidence(), field.toBeReviewed()));
                    }
                });
            }
        }
        if (typeCode.equals("cccd_chip_back") && located != null && !labelsUnread) {
            // The MRZ has no issue date or issuer; the chip back prints both above it (spec 001's doi, placeOfIssue).
            backs.read(card).ifPresent(labelled -> List.of("date_of_issue", "place_of_issue").forEach(name -> {
                CardField field = labelled.fields().get(name);
                if (field != null) {
                    fields.putIfAbsent(name, field);
                    printed.put(name, field.value());
                }
            }));
        }
        List<QualityCheck> rules = documentType.equals("vn.national_id") ? rules(fields) : List.of();
        List<QualityCheck> checks = located == null ? List.of() : quality.check(photo, located, card, side);
        List<QualityCheck> tampering = new ArrayList<>(List.of(new QualityCheck("mrz_check_digits",
                zone.valid() ? "pass" : "fail", null, null,
                zone.valid() ? "every MRZ check digit agrees" : "an MRZ check digit disagrees")));
        if (documentType.equals("vn.passport") && located != null) {
            Map<String, CccdFrontReader.Field> page = viz.read(card);
            page.forEach((name, field) -> printed.put(name, field.value()));
            RgbImage pageImage = card;
            tampering.add(fuseViz(fields, page, List.of(() -> viz.valueReadings(pageImage, "full_name"),
                    () -> viz.deblurredReadings(pageImage, "full_name"), () -> viz.secondModelReadings(pageImage, "full_name")),
                    name -> viz.nameDisputed(pageImage, name)));
            settleIssueDate(fields, () -> viz.valueReadings(pageImage, "date_of_issue"),
                    () -> viz.dateDigitChoices(pageImage, "date_of_issue"));
        }
        if (documentType.equals("vn.passport")) {
            mrzNameToReview(fields);
        }
        return Optional.of(new CardReading(documentType, side, typeCode, located, fields, printed, zone, null, checks,
                rules, tampering, 0));
    }

    /**
     * The MRZ writes a Vietnamese name without its tone marks (NGUYEN for NGUYỄN): a passport's name
     * still the MRZ's, not settled by the printed page, is to be reviewed, since the holder's name is
     * the printed one.
     */
    static void mrzNameToReview(Map<String, CardField> fields) {
        fields.computeIfPresent("full_name", (name, field) -> field.source().equals("mrz")
                ? field.reviewed() : field);
    }

    /**
     * A Vietnamese passport's personal number is the holder's 12-digit CCCD number: letters the MRZ
     * reader took for digits (O for 0, B for 8) are turned back when the check digit still agrees.
     */
    private static String personalNumber(MrzResult zone) {
        String read = zone.fields().get("personal_number");
        if (read == null || read.matches("\\d*") || zone.lines().size() < 2 || zone.lines().get(1).length() < 43) {
            return read;
        }
        String digits = read.replace('O', '0').replace('D', '0').replace('Q', '0').replace('I', '1').replace('L', '1')
                .replace('B', '8').replace('S', '5').replace('Z', '2').replace('G', '6');
        String field = (digits + "<".repeat(14)).substring(0, 14);
        char check = zone.lines().get(1).charAt(42);
        return Character.isDigit(check) && MrzParser.checkDigit(field) == check - '0' ? digits : read;
    }

    private static RgbImage pageOf(RgbImage photo, CardLocator.Located located) {
        return CardLocator.rectify(photo, located.corners(), PassportVizReader.WIDTH, PassportVizReader.HEIGHT);
    }

    /** Fields the MRZ and the printed page both carry; names compare folded (the MRZ has no diacritics). */
    private static final List<String> VIZ_AND_MRZ = List.of("passport_number", "id_number", "full_name",
            "date_of_birth", "date_of_expiry", "sex");

    /**
     * The printed page's values joined with the MRZ's: a value a check digit confirms stays the MRZ's;
     * one the page repeats gains the page's agreement as its confidence; the page's own fields
     * (birthplace, issue date and place) are added as read. Values read well-formed on both that
     * disagree are the tampering signal "viz_vs_mrz". The name is settled word by word against the
     * MRZ's (which has no diacritics): a printed word is taken only where its letters are the MRZ's;
     * a name no reading agrees with is the MRZ's, spelled from its letters where no reading shows
     * another name (to be reviewed).
     * The MRZ confirms letters, not tone marks: a name {@code marksDisputed} spells otherwise (the
     * other OCR models' reading, or the likelier spelling of marks the first model saw two ways; null
     * when neither changes it) is to be reviewed, as that spelling has it.
     */
    static QualityCheck fuseViz(Map<String, CardField> fields, Map<String, CccdFrontReader.Field> page,
                                List<Supplier<List<String>>> moreNameReadings, UnaryOperator<String> marksDisputed) {
        List<String> differing = new ArrayList<>();
        int compared = 0;
        for (String name : VIZ_AND_MRZ) {
            CardField mrz = fields.get(name);
            CccdFrontReader.Field printed = page.get(name);
            if (name.equals("full_name") && mrz != null) {
                NameMatch match = settleName(mrz.value(), printed, moreNameReadings);
                boolean wellFormed = printed != null && !printed.toBeReviewed();
                if (match.agrees() || wellFormed) {
                    compared++;
                }
                if (match.agrees()) {
                    String disputed = marksDisputed.apply(match.name());
                    fields.put(name, disputed == null && !match.spelled() ? new CardField(match.name(), CONFIRMED, false, "printed")
                            : new CardField(disputed == null ? match.name() : disputed, null, true, "printed"));
                } else {
                    if (wellFormed) {
                        differing.add(name);
                    }
                    // No mix of the two spellings: a name that disagrees is reported as the MRZ has it,
                    // or as its letters are spelled where no reading showed another name.
                    fields.put(name, match.spelled() ? new CardField(match.name(), null, true, "printed")
                            : new CardField(mrz.value(), mrz.confidence(), wellFormed, mrz.source()));
                }
                continue;
            }
            if (name.equals("date_of_birth") && mrz != null) {
                mrz = withBirthCentury(mrz, printed, page.get("date_of_issue"));
                fields.put(name, mrz);
            }
            if (mrz == null || printed == null || printed.toBeReviewed()) {
                continue;
            }
            compared++;
            if (!printed.value().equals(mrz.value())) {
                differing.add(name);
                fields.put(name, mrz.reviewed());
            } else {
                fields.put(name, new CardField(mrz.value(), CONFIRMED, mrz.toBeReviewed(), mrz.source()));
            }
        }
        for (String name : List.of("place_of_birth", "date_of_issue", "place_of_issue")) {
            CccdFrontReader.Field printed = page.get(name);
            if (printed != null && !printed.value().isEmpty()) {
                fields.put(name, CardField.printed(printed.value(), null, printed.toBeReviewed()));
            }
        }
        if (compared == 0) {
            return new QualityCheck("viz_vs_mrz", "unavailable", null, null, "no printed field read to compare");
        }
        return new QualityCheck("viz_vs_mrz", differing.isEmpty() ? "pass" : "fail", (double) differing.size(), 0.0,
                differing.isEmpty() ? "printed fields agree with the MRZ"
                        : "printed fields differ from the MRZ: " + String.join(", ", differing));
    }

    /**
     * The MRZ gives a birth year's last two digits: the century is the printed birth date's where it
     * shows the same day, month and two digits, else the last one before the printed issue date.
     */
    static CardField withBirthCentury(CardField mrz, CccdFrontReader.Field printedBirth, CccdFrontReader.Field issue) {
        String value = mrz.value();
        String century = null;
        if (printedBirth != null && !printedBirth.toBeReviewed() && printedBirth.value().length() == 10
                && printedBirth.value().substring(0, 6).equals(value.substring(0, 6))
                && printedBirth.value().substring(8).equals(value.substring(8))
                // a century misread under blur (15 for 19) is nobody living's
                && printedBirth.value().substring(6, 8).matches("19|20")) {
            century = printedBirth.value().substring(6, 8);
        } else if (issue != null && !issue.toBeReviewed() && PrintedDate.parse(issue.value()) != null
                && PrintedDate.parse(value) != null && PrintedDate.parse(value).isAfter(PrintedDate.parse(issue.value()))) {
            century = String.valueOf(Integer.parseInt(value.substring(6, 8)) - 1);
        }
        return century == null ? mrz
                : new CardField(value.substring(0, 6) + century + value.substring(8), mrz.confidence(), mrz.toBeReviewed(),
                        mrz.source());
    }

    /**
     * A Vietnamese passport is valid for 10 years from its issue (5 for a child), which ties the
     * printed issue date to the MRZ's checked expiry: an issue date read that fits is confirmed; one
     * that does not (or none) is read again on its line alone and the reading that fits is taken;
     * then the fitting date whose every digit OCR considered at its position (over plain and
     * deconvolved views) is taken, confirmed only when each of its digits was a likely one. When
     * none fits, what was read stays, to be reviewed. Nothing is computed from the expiry alone.
     */
    static void settleIssueDate(Map<String, CardField> fields, Supplier<List<String>> moreReadings,
                                Supplier<List<Map<Character, Double>>> digitChoices) {
        CardField expiryField = fields.get("date_of_expiry");
        LocalDate expiry = expiryField == null || expiryField.confidence() == null ? null
                : PrintedDate.parse(expiryField.value());
        if (expiry == null) {
            return;
        }
        CardField issue = fields.get("date_of_issue");
        String fitting = issue == null ? null : fitting(List.of(issue.value()), expiry);
        if (fitting == null) {
            fitting = fitting(moreReadings.get(), expiry);
        }
        if (fitting != null) {
            fields.put("date_of_issue", CardField.printed(fitting, CONFIRMED, false));
            return;
        }
        CccdFrontReader.Field chosen = issueDateAmong(digitChoices.get(), expiry);
        if (chosen != null) {
            fields.put("date_of_issue", CardField.printed(chosen.value(), chosen.toBeReviewed() ? null : CONFIRMED,
                    chosen.toBeReviewed()));
        } else if (issue != null) {
            fields.put("date_of_issue", CardField.printed(issue.value(), issue.confidence(), true));
        }
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{2}/\\d{2}/\\d{4}");

    /** The first reading holding an issue date the expiry fits, or null. */
    private static String fitting(List<String> readings, LocalDate expiry) {
        for (String reading : readings) {
            java.util.regex.Matcher date = DATE.matcher(reading);
            LocalDate read = date.find() ? PrintedDate.parse(date.group()) : null;
            if (read != null && validUntil(read, expiry)) {
                return date.group();
            }
        }
        return null;
    }

    /** Below this confidence a digit was only a remote alternative: a date resting on it stays to be reviewed. */
    private static final double SURE_DIGIT = 0.3;

    /**
     * Among the issue dates the expiry fits (10 or 5 years before it, or a day after that), the
     * one whose digits OCR considered at every position with the highest summed confidence; null
     * when none was considered throughout or two tie. To be reviewed when a digit was unlikely.
     */
    static CccdFrontReader.Field issueDateAmong(List<Map<Character, Double>> positions, LocalDate expiry) {
        if (positions == null) {
            return null;
        }
        String best = null;
        double bestSum = -1;
        double secondSum = -1;
        double bestLeast = 0;
        java.util.Set<LocalDate> fitting = new java.util.LinkedHashSet<>(); // a leap day's two may be one date
        for (int years : new int[] {10, 5}) {
            fitting.add(expiry.minusYears(years));
            fitting.add(expiry.plusDays(1).minusYears(years));
        }
        for (LocalDate issue : fitting) {
            String digits = String.format(java.util.Locale.ROOT, "%02d%02d%04d",
                    issue.getDayOfMonth(), issue.getMonthValue(), issue.getYear());
            double sum = 0;
            double least = 1;
            for (int i = 0; i < 8 && sum >= 0; i++) {
                Double confidence = positions.get(i).get(digits.charAt(i));
                sum = confidence == null ? -1 : sum + confidence;
                least = confidence == null ? 0 : Math.min(least, confidence);
            }
            if (sum > bestSum) {
                secondSum = bestSum;
                bestSum = sum;
                best = digits;
                bestLeast = least;
            } else if (sum > secondSum) {
                secondSum = sum;
            }
        }
        if (best == null || bestSum < 0 || bestSum - secondSum < 1e-6) {
            return null;
        }
        String printed = best.substring(0, 2) + "/" + best.substring(2, 4) + "/" + best.substring(4);
        return new CccdFrontReader.Field(printed, bestLeast < SURE_DIGIT, bestLeast);
    }

    private static boolean validUntil(LocalDate issue, LocalDate expiry) {
        for (int years : new int[] {10, 5}) {
            LocalDate end = issue.plusYears(years);
            if (expiry.equals(end) || expiry.equals(end.minusDays(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name settled against the MRZ's; {@code agrees} when every word was printed with the MRZ's
     * letters; {@code known} when every given and middle name word is also a name syllable;
     * {@code spelled} when a word was spelled from the MRZ's letters, not as read ({@link MrzNameSpelling}).
     */
    record NameMatch(String name, boolean agrees, boolean known, boolean spelled) {

        NameMatch(String name, boolean agrees, boolean known) {
            this(name, agrees, known, false);
        }
    }

    /**
     * Each MRZ word takes the first printed reading of that word with the same letters, written as a
     * Vietnamese syllable can be (see {@link #vietnameseSyllable}), a given or middle name word
     * preferably one that is a name syllable ({@link GivenNames}: LẮM read under blur is none, LÂM
     * is); the page's block reading first, each set of further readings in turn only while the name
     * does not agree throughout or holds a word that is no name syllable: the line alone, then
     * deconvolved, then by the second OCR model; a word no reading agrees with stays the MRZ's (then
     * the name does not agree, and is spelled from the MRZ's letters where that can be,
     * {@link MrzNameSpelling}). An agreeing family name gets its usual tone marks; an agreeing given
     * name word that no reading made a name syllable (LẮM, HAI) is respelled as the name syllable of
     * its letters nearest the readings (LÂM, HẢI), to be reviewed.
     */
    static NameMatch settleName(String mrzName, CccdFrontReader.Field printed, List<Supplier<List<String>>> moreReadings) {
        List<String> readings = new ArrayList<>();
        if (printed != null && !printed.value().isBlank()) {
            readings.add(printed.value());
        }
        NameMatch match = wordByWord(mrzName, readings);
        for (Supplier<List<String>> further : moreReadings) {
            if (match.known()) {
                break;
            }
            readings.addAll(further.get());
            match = wordByWord(mrzName, readings);
        }
        if (match.agrees()) {
            String name = Surnames.restore(match.name());
            String respelled = match.known() ? null : MrzNameSpelling.respell(name, readings);
            return respelled == null ? new NameMatch(name, true, match.known()) : new NameMatch(respelled, true, false, true);
        }
        String spelled = MrzNameSpelling.spell(mrzName, readings);
        return spelled == null ? match : new NameMatch(spelled, false, false, true);
    }

    private static NameMatch wordByWord(String mrzName, List<String> readings) {
        String[] words = fold(mrzName).split(" ");
        String[] settled = new String[words.length];
        boolean agrees = true;
        boolean known = true;
        for (int i = 0; i < words.length; i++) {
            String anySyllable = null;
            for (String reading : readings) {
                String[] read = reading.strip().split("\\s+");
                if (read.length == words.length && fold(read[i]).equals(words[i]) && vietnameseSyllable(read[i])) {
                    if (i == 0 || GivenNames.known(read[i])) {
                        settled[i] = read[i];
                        break;
                    }
                    anySyllable = anySyllable == null ? read[i] : anySyllable;
                }
            }
            known &= settled[i] != null;
            if (settled[i] == null) {
                settled[i] = anySyllable;
            }
            agrees &= settled[i] != null;
            if (settled[i] == null) {
                settled[i] = words[i];
            }
        }
        return new NameMatch(String.join(" ", settled), agrees, agrees && known);
    }

    /** The capital letters of the Vietnamese alphabet (with F, J, W, Z of foreign names), as printed on a passport. */
    private static final String VIETNAMESE_CAPITALS = java.text.Normalizer.normalize(
            "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆFGHIÌÍỈĨỊJKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVWXYỲÝỶỸỴZ",
            java.text.Normalizer.Form.NFC);
    /** The five tone marks (grave, acute, hook, tilde, dot below) as combining characters. */
    private static final String TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323";

    /**
     * Whether a printed name word can be a Vietnamese syllable in capitals: only letters of the
     * alphabet (a lower-case h or a Ÿ is a misread) and at most one tone mark.
     */
    static boolean vietnameseSyllable(String word) {
        String composed = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFC);
        if (composed.isEmpty() || !composed.chars().allMatch(c -> VIETNAMESE_CAPITALS.indexOf(c) >= 0)) {
            return false;
        }
        return java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD).chars()
                .filter(c -> TONE_MARKS.indexOf(c) >= 0).count() <= 1;
    }

    /**
     * A Vietnamese passport number is one letter and seven or eight digits. A letter read among the
     * digits (S for 5, B for 8) can leave the check digit agreeing by chance, as S55098S14 does for
     * B55098514: such a number is to be reviewed.
     */
    static void reviewedUnlessVietnamesePassportNumber(Map<String, CardField> fields) {
        CardField number = fields.get("passport_number");
        if (number != null && !number.toBeReviewed() && !number.value().matches("[A-Z]\\d{7,8}")) {
            fields.put("passport_number", number.reviewed());
        }
    }

    /** The values an MRZ check digit covers (the composite also covers the personal number). */
    private static final Set<String> CHECKED_BY_DIGIT = Set.of("passport_number", "id_number", "date_of_birth",
            "date_of_expiry");

    /**
     * A zone with a check digit that disagrees was misread somewhere: the values no check digit covers
     * (name, sex, nationality, issuing country) are to be reviewed; with two or more disagreeing, a
     * check digit that agrees may do so by chance (1 in 10 for a garbled field), so every value the
     * zone gave is to be reviewed, and none is confirmed.
     */
    static void reviewedWhenMisread(Map<String, CardField> fields, MrzResult zone) {
        long failed = zone.checks().stream().filter(c -> Boolean.FALSE.equals(c.valid())).count();
        if (failed == 0) {
            return;
        }
        fields.replaceAll((name, field) -> !field.source().equals("mrz") || failed < 2 && CHECKED_BY_DIGIT.contains(name)
                ? field : new CardField(field.value(), failed < 2 ? field.confidence() : null, true, field.source()));
    }

    private static void putMrz(Map<String, CardField> fields, String name, String value, Boolean checkDigit) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean confirmed = Boolean.TRUE.equals(checkDigit);
        fields.put(name, new CardField(value, confirmed ? CONFIRMED : null, Boolean.FALSE.equals(checkDigit), "mrz"));
    }

    /** YYMMDD to dd/MM/yyyy: birth dates in the future belong to the previous century; expiries are this one. */
    private String mrzDate(String yymmdd, boolean birth) {
        if (yymmdd == null || !yymmdd.matches("\\d{6}")) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int century = 2000;
        if (birth && 2000 + yy > LocalDate.now(clock).getYear()) {
            century = 1900;
        }
        return yymmdd.substring(4, 6) + "/" + yymmdd.substring(2, 4) + "/" + (century + yy);
    }

    /** Printed place names with the diacritics of the administrative units they name (OCR slips on tone marks). */
    private CardReading withPlacesRestored(CardReading r) {
        if (addresses == null || r.documentType() == null || !r.documentType().startsWith("vn.")) {
            return r;
        }
        Map<String, CardField> fields = new LinkedHashMap<>(r.fields());
        for (String name : List.of("place_of_origin", "place_of_residence", "place_of_birth", "address")) {
            CardField field = fields.get(name);
            if (field != null && field.source().equals("printed")) {
                // A card's origin and residence end in its ward, district and province: one whose units are
                // not all known was cut short or misread.
                boolean unfinished = (name.equals("place_of_origin") || name.equals("place_of_residence"))
                        && !field.value().isBlank() && !addresses.namesKnownUnits(field.value());
                fields.put(name, new CardField(addresses.restoreUnits(field.value()), field.confidence(),
                        field.toBeReviewed() || unfinished, field.source()));
            }
        }
        CardField issuer = fields.get("place_of_issue");
        if (issuer != null && issuer.source().equals("printed") && issuer.value().startsWith("CA ")) {
            // A CMND's "CA <province>": the province as the administrative units spell it; a name
            // that only comes within two letters of one is to be reviewed.
            String read = issuer.value().substring(3);
            String province = addresses.province(read);
            boolean exact = province != null && AddressSplit.key(province).equals(AddressSplit.key(read));
            fields.put("place_of_issue", new CardField("CA " + (province == null ? addresses.restoreUnits(read)
                    : province.toUpperCase(java.util.Locale.ROOT)), issuer.confidence(),
                    issuer.toBeReviewed() || province != null && !exact, issuer.source()));
        }
        // A registration's place and issuing police unit name a district or province without its unit word.
        for (String name : List.of("place_of_registration", "place_of_issue")) {
            CardField field = fields.get(name);
            if (field != null && r.documentType().equals("vn.mrc")) {
                fields.put(name, new CardField(addresses.restoreUnitName(field.value()), field.confidence(),
                        field.toBeReviewed(), field.source()));
            }
        }
        return new CardReading(r.documentType(), r.side(), r.typeCode(), r.located(), fields, r.printed(), r.mrz(), r.qr(),
                r.quality(), r.rules(), r.tampering(), r.millis());
    }

    private static CardReading withMillis(CardReading r, double millis) {
        return new CardReading(r.documentType(), r.side(), r.typeCode(), r.located(), r.fields(), r.printed(), r.mrz(), r.qr(),
                r.quality(), r.rules(), r.tampering(), millis);
    }

    private static boolean present(Map<String, CccdFrontReader.Field> printed, String name) {
        String v = value(printed, name);
        return v != null && !v.isBlank();
    }

    private static String value(Map<String, ?> fields, String name) {
        Object f = fields.get(name);
        if (f instanceof CardField c) {
            return c.value();
        }
        if (f instanceof CccdFrontReader.Field p) {
            return p.value();
        }
        return f instanceof String text ? text : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Upper case without diacritics or punctuation: how OCR slips and QR spellings compare. */
    static String fold(String text) {
        return PrintedVsQr.fold(text).replaceAll("[^A-Z0-9]+", " ").strip();
    }
}
