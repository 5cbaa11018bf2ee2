package io.openekyc.server.documents;

import io.openekyc.server.applications.Application;
import io.openekyc.server.applications.Applications;
import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardReading;
import io.openekyc.vision.document.CardSide;
import io.openekyc.vision.document.DocumentKit;
import io.openekyc.vision.document.DocumentReader;
import io.openekyc.vision.document.MinimumAge;
import io.openekyc.vision.document.qr.QrReader;
import io.openekyc.vision.document.vn.CccdQr;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.quality.QualityCheck;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The ID step of an application: reads the front (and back) photo with the document engine, takes a
 * chip card's QR from the photo, a separate QR photo or the client's own scan, records the OCR
 * block (encrypted) and the tampering verdict on the application, and says what the client should
 * do next.
 */
@Service
public class IdStep {

    public static final String STEP = "ekyc.id_card";
    /** Card types the engine reads; the others are answered "not supported", never guessed. */
    public static final List<String> READABLE = List.of("vn.national_id", "vn.passport", "vn.driver_license",
            "ph.philhealth", "ph.umid");

    private final DocumentKit documents;
    private final Applications applications;
    private final QrReader qrReader = new QrReader();

    public IdStep(DocumentKit documents, Applications applications) {
        this.documents = documents;
        this.applications = applications;
    }

    /** A stored photo and its pixels. */
    public record Photo(UUID imageId, RgbImage image) {
    }

    /** What verify_id answers: status success / partial_success / failure, and the next action. */
    public record IdOutcome(String status, String errorCode, String errorMessage, String label, String nextAction) {
    }

    /** @param minimumAge the lender's minimum age of the card holder, null for none */
    public IdOutcome run(Application application, String cardType, Photo front, Photo back, List<Photo> qrPhotos,
                         List<String> clientQrPayloads, Integer minimumAge, String actor) {
        if (!READABLE.contains(cardType)) {
            return new IdOutcome("failure", "card_type_not_supported",
                    "this server cannot read " + cardType + " cards; readable: " + READABLE, "", "");
        }
        DocumentReader reader = documents.reader();
        CardReading frontReading = reader.read(front.image(), CardSide.FRONT);
        if (!frontReading.found()) {
            return new IdOutcome("failure", "card_not_found", "no readable " + cardType + " in image", "", "");
        }
        if (!cardType.equals(frontReading.documentType())) {
            return new IdOutcome("failure", "card_type_mismatch", "image shows " + frontReading.documentType()
                    + ", not " + cardType, frontReading.label(), "");
        }
        CardReading backReading = back == null ? null : reader.read(back.image(), CardSide.BACK);
        if (frontReading.qr() == null && frontReading.side() == CardSide.FRONT && cardType.equals("vn.national_id")) {
            Optional<CccdQr> supplied = suppliedQr(qrPhotos, clientQrPayloads);
            if (supplied.isPresent()) {
                frontReading = reader.withQr(frontReading, supplied.get());
            }
        }
        boolean chipCard = frontReading.qr() != null
                || backReading != null && List.of("cccd_chip_back", "can_cuoc_back").contains(backReading.typeCode());
        List<QualityCheck> rules = new ArrayList<>(frontReading.rules());
        if (minimumAge != null) {
            String birth = frontReading.value("date_of_birth") != null ? frontReading.value("date_of_birth")
                    : backReading == null ? null : backReading.value("date_of_birth");
            rules.add(MinimumAge.check(birth, minimumAge, LocalDate.now()));
        }
        Map<String, Object> ocr = ekycOcr(frontReading, backReading, rules);
        Map<String, Object> tampering = idTampering(frontReading, backReading);
        applications.recordIdResult(application, ocr, tampering, STEP, actor);
        if (chipCard && frontReading.qr() == null) {
            return new IdOutcome("partial_success", "", "", frontReading.label(), "process_qr_code");
        }
        return new IdOutcome("success", "", "", frontReading.label(), "");
    }

    private Optional<CccdQr> suppliedQr(List<Photo> qrPhotos, List<String> clientQrPayloads) {
        for (String payload : clientQrPayloads) {
            Optional<CccdQr> parsed = CccdQr.parse(payload);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        for (Photo photo : qrPhotos) {
            Optional<CccdQr> parsed = qrReader.read(photo.image()).flatMap(CccdQr::parse);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** Spec 000's {@code ekyc_ocr}: card_info as field rows and converted_card_info, plus card sanity. */
    static Map<String, Object> ekycOcr(CardReading front, CardReading back, List<QualityCheck> rules) {
        Map<String, CardField> fields = new LinkedHashMap<>();
        if (back != null && back.found()) {
            fields.putAll(back.fields());
        }
        fields.putAll(front.fields()); // the front's values (QR-backed where read) win
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> converted = new LinkedHashMap<>();
        for (var entry : fields.entrySet()) {
            String name = TrustVisionFields.name(entry.getKey());
            String value = TrustVisionFields.value(entry.getKey(), entry.getValue().value());
            CardField field = entry.getValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("confidence_score", field.confidence() == null ? 0 : field.confidence());
            row.put("confidence_verdict", field.toBeReviewed() ? "review" : field.confidence() == null ? "" : "high");
            row.put("field", name);
            row.put("value", value);
            if (entry.getKey().equals("id_number") && "ph.umid".equals(front.documentType())) {
                Map<String, Object> crn = new LinkedHashMap<>(row);
                crn.put("field", "crn"); // spec 000's UMID rows carry the CRN under both names
                rows.add(crn);
            }
            rows.add(row);
            converted.put(TrustVisionFields.convertedName(entry.getKey()), value);
        }
        rows.add(Map.of("confidence_score", 0, "confidence_verdict", "", "field", "card_type", "value", front.documentType()));
        rows.add(Map.of("confidence_score", 0, "confidence_verdict", "", "field", "card_label", "value", front.label()));
        converted.put("card_type", front.documentType());
        converted.put("card_label", front.label());
        List<QualityCheck> quality = new ArrayList<>(front.quality());
        if (back != null) {
            quality.addAll(back.quality());
        }
        List<QualityCheck> judged = quality.stream().filter(q -> !q.unavailable()).toList();
        List<String> failed = judged.stream().filter(QualityCheck::failed).map(QualityCheck::name).distinct().toList();
        Map<String, Object> ocr = new LinkedHashMap<>();
        ocr.put("card_info", Map.of("card_info", rows, "converted_card_info", converted));
        ocr.put("process_status", "success");
        ocr.put("processed_at", OffsetDateTime.now().withNano(0).toString());
        ocr.put("sanity_check_result", failed.isEmpty() ? "good" : String.join(",", failed));
        ocr.put("sanity_check_score", judged.isEmpty() ? 0 : 1.0 - (double) failed.size() / judged.size());
        ocr.put("sanity_check_status", "success");
        ocr.put("rule_checks", checks(rules));
        return ocr;
    }

    /**
     * Spec 000's {@code id_tampering}: the share of tampering signals raised (QR vs printed, MRZ
     * check digits, front vs back), "alert" when any is.
     */
    static Map<String, Object> idTampering(CardReading front, CardReading back) {
        List<QualityCheck> signals = new ArrayList<>(front.tampering());
        if (back != null && back.found()) {
            signals.addAll(back.tampering());
            signals.addAll(DocumentReader.sameCard(front, back));
        }
        List<QualityCheck> judged = signals.stream().filter(q -> !q.unavailable()).toList();
        long raised = judged.stream().filter(QualityCheck::failed).count();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", judged.isEmpty() ? 0 : (double) raised / judged.size());
        out.put("verdict", judged.isEmpty() ? "unavailable" : raised == 0 ? "genuine" : "alert");
        out.put("details", checks(signals));
        return out;
    }

    static List<Map<String, Object>> checks(List<QualityCheck> checks) {
        return checks.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("status", c.status());
            m.put("detail", c.detail());
            return m;
        }).toList();
    }
}
