package io.openekyc.vision.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.generator.CardGenerator;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.mrz.MrzCheck;
import io.openekyc.vision.document.mrz.MrzFormat;
import io.openekyc.vision.document.mrz.MrzParser;
import io.openekyc.vision.document.mrz.MrzResult;
import io.openekyc.vision.document.vn.CccdFrontReader;
import io.openekyc.vision.document.vn.Surnames;
import io.openekyc.vision.face.FaceKit;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.model.Models;
import io.openekyc.vision.quality.QualityCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Vietnamese passport pages: the whole page located, the printed name and dates settled against the MRZ. */
class PassportReadingTest {

    @Test
    void generatedPassportPhotosAreLocatedWholeAndReadExactly(@TempDir Path out) throws Exception {
        try (Models models = new Models(); FaceKit faces = new FaceKit(models);
             DocumentKit kit = new DocumentKit(models, out.resolve("ocr"), faces.engine().detector(),
                     Clock.fixed(LocalDate.of(2026, 11, 22).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))) {
            // Seed 2026: photo 1 is blurred (its surname read ĐĂNG for ĐẶNG), photo 2 noisy (its MRZ band's
            // edge made the ID-1-shaped part above it look like the card).
            new CardGenerator(new IdentityFactory(models, SharedData.root())).generate("vn.passport", 3, 2026, out, null);
            JsonMapper json = JsonMapper.builder().build();
            for (int i = 0; i < 3; i++) {
                JsonNode truth = json.readTree(Files.readString(out.resolve(String.format("%04d_front.json", i))));
                CardReading reading = kit.reader().read(new ImageDecoder().decode(
                        Files.readAllBytes(out.resolve(truth.get("image").asString()))), null);
                JsonNode fields = truth.get("fields");
                assertThat(reading.typeCode()).isEqualTo("vn_passport_front");
                double[][] corners = reading.located().corners();
                double tolerance = 0.03 * Math.hypot(corners[1][0] - corners[0][0], corners[1][1] - corners[0][1]);
                for (int c = 0; c < 4; c++) {
                    JsonNode corner = truth.get("corners").get(c);
                    assertThat(Math.hypot(corners[c][0] - corner.get(0).asDouble(), corners[c][1] - corner.get(1).asDouble()))
                            .as("photo %d corner %d", i, c).isLessThan(tolerance);
                }
                for (String name : List.of("passport_number", "id_number", "full_name", "date_of_birth", "date_of_expiry",
                        "date_of_issue", "sex")) {
                    assertThat(reading.value(name)).as("photo %d %s", i, name).isEqualTo(fields.get(name).asString());
                }
                assertThat(reading.tampering()).noneMatch(QualityCheck::failed);
            }
        }
    }

    @Test
    void aNameReadWithOtherTonMarksIsSettledByTheMrzLetters() {
        var match = DocumentReader.settleName("NGUYEN TUYEN LAM", new CccdFrontReader.Field("NGUYÊN TUYỀN LÂM", false),
                List.of());
        assertThat(match.agrees()).isTrue();
        assertThat(match.name()).isEqualTo("NGUYỄN TUYỀN LÂM");
        // The block reading lost a word: the name line read alone supplies it, as the reading where
        // it is a name syllable spells it (TÁM is none, TÂM is).
        match = DocumentReader.settleName("PHAM KHAI TAM", new CccdFrontReader.Field("PHẠM KHẢI", false),
                List.of(() -> List.of("PHAM KHẢI TÁM", "PHẠM KHẢI TÂM")));
        assertThat(match.agrees()).isTrue();
        assertThat(match.name()).isEqualTo("PHẠM KHẢI TÂM");
    }

    @Test
    void aNameWordWithALetterNoVietnameseSyllableHasIsTakenFromAnotherReading() {
        // A lower-case h and a diaeresis fold to the MRZ's letters but are misreads.
        var match = DocumentReader.settleName("DANG THUY VY", new CccdFrontReader.Field("ĐẶNG ThỦY VŸ", false),
                List.of(() -> List.of("ĐẶNG THỦY VỸ")));
        assertThat(match.agrees()).isTrue();
        assertThat(match.name()).isEqualTo("ĐẶNG THỦY VỸ");
        assertThat(DocumentReader.vietnameseSyllable("NGUYỄN")).isTrue();
        assertThat(DocumentReader.vietnameseSyllable("HOÀÍ")).isFalse(); // two tone marks
    }

    @Test
    void aNameWordThatIsNoNameSyllableIsTakenFromAReadingWhereItIsOne() {
        // Under blur LÂM reads LẮM, which no given name has; the line read alone shows LÂM.
        var match = DocumentReader.settleName("VU TUNG LAM", new CccdFrontReader.Field("VŨ TÙNG LẮM", false),
                List.of(() -> List.of("VŨ TÙNG LẮM", "VŨ TÙNG LÂM")));
        assertThat(match.name()).isEqualTo("VŨ TÙNG LÂM");
        // No reading has a name syllable there: the word is spelled as the name syllable of its
        // letters nearest the readings (LẮM is as near LAM as LÂM, which more names hold), to be reviewed.
        var respelled = DocumentReader.settleName("VU TUNG LAM", new CccdFrontReader.Field("VŨ TÙNG LẮM", false),
                List.of(() -> List.of("VŨ TÙNG LẮM")));
        assertThat(respelled.agrees()).isTrue();
        assertThat(respelled.spelled()).isTrue();
        assertThat(respelled.name()).isEqualTo("VŨ TÙNG LÂM");
        var hai = DocumentReader.settleName("DOAN HAI DUONG", new CccdFrontReader.Field("ĐOÀN HAI DƯƠNG", false),
                List.of(() -> List.of("ĐOÀN HAI DƯƠNG")));
        assertThat(hai.name()).isEqualTo("ĐOÀN HẢI DƯƠNG");
    }

    @Test
    void aPrintedNameOtherThanTheMrzsIsStillATamperingSignal() {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("full_name", new CardField("TRAN VAN AN", null, false, "mrz"));
        QualityCheck check = DocumentReader.fuseViz(fields, Map.of("full_name", new CccdFrontReader.Field("LÊ VĂN AN", false)),
                List.of(() -> List.of("LÊ VĂN AN", "LÊ VĂN AN")), name -> null);
        assertThat(check.failed()).isTrue();
        assertThat(fields.get("full_name").value()).isEqualTo("TRAN VAN AN");
        assertThat(fields.get("full_name").toBeReviewed()).isTrue();
    }

    @Test
    void aBlurredNameNoReadingSpellsIsSpelledFromTheMrzLettersAsTheReadingsSuggest() {
        // Readings of blurred name lines (seed-1600 passports): the Đ's stroke and the K are lost,
        // the family name's letters garbled. The MRZ gives the letters; the unmarked A of "OAN" says
        // ĐAN rather than DÂN or ĐÀN; PHUNG is the family name PHÙNG.
        var match = DocumentReader.settleName("VU KIM DAN", new CccdFrontReader.Field("`. v7 mu ø me", true),
                List.of(() -> List.of("VŨ X!M OAN", "VŨ XIM OAN", "VŨ XOM OAN")));
        assertThat(match.agrees()).isFalse();
        assertThat(match.spelled()).isTrue();
        assertThat(match.name()).isEqualTo("VŨ KIM ĐAN");
        match = DocumentReader.settleName("PHUNG DAN TAM", new CccdFrontReader.Field("PPRIG ĐAMN TÂM", false),
                List.of(() -> List.of("PPEUIG OAN TÂM", "PPEUMG ĐAN TÂM")));
        assertThat(match.name()).isEqualTo("PHÙNG ĐAN TÂM");
        // What the readings show decides between spellings: a circumflex seen (with a grave) over
        // the A of a word read with an M.
        match = DocumentReader.settleName("LE DAN TAM", new CccdFrontReader.Field("LỀ DẦM TÂM", false), List.of());
        assertThat(match.name()).isEqualTo("LÊ DÂN TÂM");
    }

    @Test
    void aNameSpelledFromTheMrzLettersIsToBeReviewedAndStillDiffersFromThePage() {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("full_name", new CardField("VU KIM DAN", null, false, "mrz"));
        QualityCheck check = DocumentReader.fuseViz(fields, Map.of("full_name", new CccdFrontReader.Field("VŨ XIM OAN", false)),
                List.of(() -> List.of("VŨ X!M OAN")), name -> null);
        assertThat(fields.get("full_name")).isEqualTo(new CardField("VŨ KIM ĐAN", null, true, "printed"));
        assertThat(check.failed()).isTrue();
        // Nothing to spell from when no reading has the name's three words.
        assertThat(DocumentReader.settleName("VU KIM DAN", null, List.of(() -> List.of("VŨKIM OAN"))).spelled()).isFalse();
    }

    @Test
    void aReadMarkCountsHalfALetterInTheDistanceBetweenSpellings() {
        assertThat(MrzNameSpelling.distance("ĐAN", "OAN")).isEqualTo(1.0);
        assertThat(MrzNameSpelling.distance("DÂN", "OAN")).isEqualTo(1.5);
        assertThat(MrzNameSpelling.distance("ĐAN", "DAN")).isEqualTo(0.5);
        assertThat(MrzNameSpelling.distance("TÂM", "TM")).isEqualTo(1.0);
    }

    @Test
    void aZoneWithTwoDisagreeingCheckDigitsConfirmsNothing() {
        // A garbled zone whose document-number check digit agrees by chance.
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("passport_number", new CardField("C IHLLLLL", DocumentReader.CONFIRMED, false, "mrz"));
        fields.put("full_name", new CardField("UUPLUFLL THUY", null, false, "mrz"));
        DocumentReader.reviewedWhenMisread(fields, zone(new MrzCheck("document_number", '6', true),
                new MrzCheck("birth_date", '5', false), new MrzCheck("expiry_date", '2', false)));
        assertThat(fields.get("passport_number")).isEqualTo(new CardField("C IHLLLLL", null, true, "mrz"));
        assertThat(fields.get("full_name").toBeReviewed()).isTrue();
    }

    @Test
    void oneDisagreeingCheckDigitLeavesTheValuesOtherDigitsConfirmButNotTheName() {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("passport_number", new CardField("C4408967", DocumentReader.CONFIRMED, false, "mrz"));
        fields.put("full_name", new CardField("NGO THANH THIEN", null, false, "mrz"));
        fields.put("date_of_birth", new CardField("01/02/1990", DocumentReader.CONFIRMED, false, "printed"));
        DocumentReader.reviewedWhenMisread(fields, zone(new MrzCheck("document_number", '7', true),
                new MrzCheck("expiry_date", '2', false)));
        assertThat(fields.get("passport_number")).isEqualTo(new CardField("C4408967", DocumentReader.CONFIRMED, false, "mrz"));
        assertThat(fields.get("full_name").toBeReviewed()).isTrue();
        assertThat(fields.get("date_of_birth").toBeReviewed()).isFalse(); // not the zone's

        Map<String, CardField> clean = new LinkedHashMap<>(Map.of("full_name", new CardField("NGO THANH THIEN", null, false, "mrz")));
        DocumentReader.reviewedWhenMisread(clean, zone(new MrzCheck("document_number", '7', true)));
        assertThat(clean.get("full_name").toBeReviewed()).isFalse();
    }

    private static MrzResult zone(MrzCheck... checks) {
        boolean valid = java.util.Arrays.stream(checks).allMatch(c -> Boolean.TRUE.equals(c.valid()));
        return new MrzResult(MrzFormat.TD3, List.of(), valid, Map.of(), List.of(checks), List.of());
    }

    @Test
    void aNameOnlyTheMrzGaveIsToBeReviewedForItHasNoToneMarks() {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("full_name", new CardField("DINH MINH DAN", null, false, "mrz"));
        DocumentReader.mrzNameToReview(fields);
        assertThat(fields.get("full_name")).isEqualTo(new CardField("DINH MINH DAN", null, true, "mrz"));

        fields.put("full_name", new CardField("ĐINH MINH ĐAN", DocumentReader.CONFIRMED, false, "printed"));
        DocumentReader.mrzNameToReview(fields);
        assertThat(fields.get("full_name").toBeReviewed()).isFalse();
    }

    @Test
    void theMrzConfirmsANamesLettersButNotItsToneMarks() {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("full_name", new CardField("HO TUYEN LAM", null, false, "mrz"));
        Map<String, CccdFrontReader.Field> page = Map.of("full_name", new CccdFrontReader.Field("HỒ TUYỂN LÂM", false));

        DocumentReader.fuseViz(fields, page, List.of(), name -> null);
        assertThat(fields.get("full_name")).isEqualTo(new CardField("HỒ TUYỂN LÂM", DocumentReader.CONFIRMED, false, "printed"));

        // The second OCR model reads other marks: the name is to be reviewed, spelled as that model reads it.
        fields.put("full_name", new CardField("HO TUYEN LAM", null, false, "mrz"));
        DocumentReader.fuseViz(fields, page, List.of(),
                name -> name.equals("HỒ TUYỂN LÂM") ? "HỒ TUYỀN LÂM" : null);
        assertThat(fields.get("full_name")).isEqualTo(new CardField("HỒ TUYỀN LÂM", null, true, "printed"));
    }

    @Test
    void theIssueDateIsTheReadingTheCheckedExpiryFits() {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("date_of_expiry", new CardField("16/01/2032", DocumentReader.CONFIRMED, false, "mrz"));
        fields.put("date_of_issue", CardField.printed("19/01/2022", null, false));
        DocumentReader.settleIssueDate(fields, () -> List.of("19/01/2022", "16/01/2022"), () -> null);
        assertThat(fields.get("date_of_issue")).isEqualTo(CardField.printed("16/01/2022", DocumentReader.CONFIRMED, false));

        fields.put("date_of_issue", CardField.printed("19/01/2022", null, false));
        DocumentReader.settleIssueDate(fields, () -> List.of("19/01/2022", "18/01/2022"), () -> null);
        assertThat(fields.get("date_of_issue")).isEqualTo(CardField.printed("19/01/2022", null, true));

        fields.remove("date_of_issue");
        DocumentReader.settleIssueDate(fields, () -> List.of("", "1/01/20"), () -> null);
        assertThat(fields).doesNotContainKey("date_of_issue");
    }

    @Test
    void anIssueDateNoReadingFitsIsChosenAmongTheDigitsOcrConsidered() {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("date_of_expiry", new CardField("16/01/2032", DocumentReader.CONFIRMED, false, "mrz"));
        fields.put("date_of_issue", CardField.printed("19/01/2022", null, false));
        // Read 19/01/2022 throughout, but a 6 was also seen in the second place.
        DocumentReader.settleIssueDate(fields, () -> List.of("19/01/2022", "18/01/2022"),
                () -> digits("1", "96", "0", "1", "2", "0", "2", "2"));
        assertThat(fields.get("date_of_issue")).isEqualTo(CardField.printed("16/01/2022", DocumentReader.CONFIRMED, false));

        // The 6 only a remote alternative: the fitting date is kept, to be reviewed.
        fields.put("date_of_issue", CardField.printed("19/01/2022", null, false));
        DocumentReader.settleIssueDate(fields, List::of, () -> List.of(Map.of('1', 0.9), Map.of('9', 0.9, '6', 0.05),
                Map.of('0', 0.9), Map.of('1', 0.9), Map.of('2', 0.9), Map.of('0', 0.9), Map.of('2', 0.9), Map.of('2', 0.9)));
        assertThat(fields.get("date_of_issue")).isEqualTo(CardField.printed("16/01/2022", null, true));

        // No fitting date among the digits seen: what was read stays, to be reviewed.
        fields.put("date_of_issue", CardField.printed("19/01/2022", null, false));
        DocumentReader.settleIssueDate(fields, List::of, () -> digits("1", "98", "0", "1", "2", "0", "2", "2"));
        assertThat(fields.get("date_of_issue")).isEqualTo(CardField.printed("19/01/2022", null, true));
    }

    @Test
    void twoFittingIssueDatesSeenAlikeSettleNothing() {
        // 16 and 17 January both fit an expiry of 16/01/2032 (the day before the tenth anniversary or on it).
        assertThat(DocumentReader.issueDateAmong(digits("1", "67", "0", "1", "2", "0", "2", "2"), LocalDate.of(2032, 1, 16)))
                .isNull();
        assertThat(DocumentReader.issueDateAmong(digits("1", "7", "0", "1", "2", "0", "2", "7"), LocalDate.of(2032, 1, 16))
                .value()).isEqualTo("17/01/2027");
    }

    /** Digit choices: each position's digits, all considered with confidence 0.8. */
    private static List<Map<Character, Double>> digits(String... positions) {
        return java.util.Arrays.stream(positions).map(digits -> {
            Map<Character, Double> choices = new java.util.HashMap<>();
            digits.chars().forEach(d -> choices.put((char) d, 0.8));
            return choices;
        }).toList();
    }

    @Test
    void aTwoDigitMrzBirthYearTakesItsCenturyFromThePrintedPage() {
        CardField mrz = new CardField("12/03/2025", DocumentReader.CONFIRMED, false, "mrz");
        assertThat(DocumentReader.withBirthCentury(mrz, new CccdFrontReader.Field("12/03/1925", false), null).value())
                .isEqualTo("12/03/1925");
        assertThat(DocumentReader.withBirthCentury(mrz, null, new CccdFrontReader.Field("01/02/2020", false)).value())
                .isEqualTo("12/03/1925");
        assertThat(DocumentReader.withBirthCentury(mrz, new CccdFrontReader.Field("12/08/1925", false), null).value())
                .isEqualTo("12/03/2025");
    }

    @Test
    void aPrintedCenturyNoLivingHolderCouldHaveIsNotTaken() {
        // Blur made the printed 1974 read 1574: the MRZ's own reading of 74 stands.
        CardField mrz = new CardField("14/02/1974", DocumentReader.CONFIRMED, false, "mrz");
        assertThat(DocumentReader.withBirthCentury(mrz, new CccdFrontReader.Field("14/02/1574", false), null).value())
                .isEqualTo("14/02/1974");
    }

    @Test
    void aPassportNumberWithALetterAmongItsDigitsIsToBeReviewedThoughItsCheckDigitAgrees() {
        // S for B and S for 5 shift the weighted sum by 280: the check digit agrees by chance.
        assertThat(MrzParser.checkDigit("S55098S14")).isEqualTo(MrzParser.checkDigit("B55098514"));
        Map<String, CardField> misread = new LinkedHashMap<>(Map.of("passport_number",
                new CardField("S55098S14", DocumentReader.CONFIRMED, false, "mrz")));
        DocumentReader.reviewedUnlessVietnamesePassportNumber(misread);
        assertThat(misread.get("passport_number").toBeReviewed()).isTrue();

        Map<String, CardField> read = new LinkedHashMap<>(Map.of("passport_number",
                new CardField("C3357368", DocumentReader.CONFIRMED, false, "mrz")));
        DocumentReader.reviewedUnlessVietnamesePassportNumber(read);
        assertThat(read.get("passport_number").toBeReviewed()).isFalse();
    }

    @Test
    void onlyTheFamilyNameTakesItsUsualTonMarks() {
        assertThat(Surnames.restore("ĐĂNG HỒNG ĐĂNG")).isEqualTo("ĐẶNG HỒNG ĐĂNG");
        assertThat(Surnames.restore("LA VĂN AN")).isEqualTo("LA VĂN AN");
        assertThat(Surnames.restore("LÃ VĂN AN")).isEqualTo("LÃ VĂN AN");
    }
}
