package io.openekyc.server.dialects.finos;

import io.openekyc.server.audit.AuditLog;
import io.openekyc.server.tenants.Tenant;
import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardReading;
import io.openekyc.vision.document.DocumentKit;
import io.openekyc.vision.document.vn.AddressSplit;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.quality.QualityCheck;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * FinOS document OCR (spec 001): {@code v2/nationalID}, {@code v1/readVNPassport}, {@code v1/readDL}
 * and {@code v1/readMRC} (motorcycle registrations) through the document engine.
 */
@RestController
public class FinosDocuments {

    static final String NOT_DETECTED = "Vietnam National ID Not Detected";

    /** An engine check and the FinOS check it answers as, with the summary code it raises (null: none in the spec). */
    private record Mapped(String engine, String finos, String code, String message) {
    }

    /** Engine check name -> FinOS quality check, and the summary code it raises. */
    private static final List<Mapped> QUALITY = List.of(
            new Mapped("face_missing", "faceNotDetected", "046", "Không nhận diện được ảnh chân dung trên CMND/CCCD"),
            new Mapped("blur", "blur", "048", "CMND/CCCD bị mờ"),
            new Mapped("glare", "glare", "049", "CMND/CCCD bị chói sáng"),
            new Mapped("partial_card", "partialID", null, null),
            new Mapped("black_and_white", "blackAndWhite", "044", "Vui lòng chỉ chụp CMND/ CCCD gốc"),
            new Mapped("captured_from_screen", "capturedFromScreen", "045", "CMND/CCCD chụp từ thiết bị khác"),
            new Mapped("corner_cut", "cornerCut", "047", "CMND/CCCD đã bị cắt góc"));
    private static final List<Mapped> RULES = List.of(
            new Mapped("id_dob_gender_code", "idDOBGenderCodeInvalid", "063", "ID Number Gender Code Invalid"),
            new Mapped("id_number_length", "idNumberLengthMismatch", "064", "CMND/CCCD không hợp lệ"),
            new Mapped("expiry", "doeInvalid", "061", "CMND/CCCD không hợp lệ"),
            new Mapped("birth_registration_code", "birthPlaceCodeInvalid", null, null));
    private static final List<Mapped> TAMPER = List.of(
            new Mapped("printed_vs_qr", "qrMismatch", null, null),
            new Mapped("mrz_check_digits", "mrzCheckDigitInvalid", null, null),
            new Mapped("photo_tampered", "photoTampered", null, null));
    /** Engine field -> FinOS nationalID field. */
    private static final Map<String, String> NATIONAL_ID_FIELDS = Map.ofEntries(
            Map.entry("id_number", "idNumber"), Map.entry("full_name", "name"), Map.entry("date_of_birth", "dob"),
            Map.entry("place_of_origin", "homeTown"), Map.entry("place_of_residence", "permanentAddress"),
            Map.entry("sex", "gender"), Map.entry("date_of_expiry", "doe"), Map.entry("nationality", "nationality"),
            Map.entry("date_of_issue", "doi"), Map.entry("old_id_number", "oldIdNumber"),
            Map.entry("place_of_issue", "placeOfIssue"), Map.entry("ethnicity", "ethnicity"));

    /** FinOS readDL detail -> engine field, in the spec's order (the number and class added last). */
    private static final Map<String, String> DRIVER_LICENCE_FIELDS = orderedMap("name", "full_name", "dob",
            "date_of_birth", "expiry", "date_of_expiry", "address", "place_of_residence", "nationality", "nationality",
            "id", "id_number", "class", "licence_class");

    /** FinOS readMRC detail -> engine field, in the spec's order. */
    private static final Map<String, String> MRC_FIELDS = orderedMap("name", "full_name", "address", "address",
            "brand", "brand", "kind", "model", "color", "color", "engine-number", "engine_number", "chassis-number",
            "chassis_number", "number-plate", "number_plate", "place-registration", "place_of_registration",
            "first-registration-date", "first_registration_date", "last-registration-date", "last_registration_date",
            "place-of-issue", "place_of_issue");
    private static final List<String> MRC_IMAGES = List.of("image1", "image2");
    static final String NO_IMAGE = "API call requires one input image";

    private final FinosUploads uploads;
    private final DocumentKit documents;
    private final AddressSplit addresses;
    private final AuditLog audit;

    public FinosDocuments(FinosUploads uploads, DocumentKit documents, AddressSplit addresses, AuditLog audit) {
        this.uploads = uploads;
        this.documents = documents;
        this.addresses = addresses;
        this.audit = audit;
    }

    @PostMapping("/ekyc/ocr/v2/nationalID")
    public ResponseEntity<Map<String, Object>> nationalId(HttpServletRequest request) throws IOException {
        Tenant tenant = uploads.authenticate(request);
        MultipartHttpServletRequest form = FinosUploads.multipart(request);
        RgbImage image = oneImage(form);
        CardReading reading = documents.reader().read(image, null);
        if (!reading.found() || !"vn.national_id".equals(reading.documentType())) {
            throw new FinosError(422, NOT_DETECTED, Map.of("summary", Map.of("action", "Manual Review", "details",
                    List.of(detail("001", "Không nhận diện được CMND/ CCCD")))));
        }
        boolean split = "yes".equalsIgnoreCase(form.getParameter("enableAddressSplit"));
        boolean quality = !"no".equalsIgnoreCase(form.getParameter("qualityCheck"));
        List<Map<String, String>> summary = new ArrayList<>();
        boolean flagged = false;
        Map<String, Object> fields = new LinkedHashMap<>();
        for (var entry : reading.fields().entrySet()) {
            String name = NATIONAL_ID_FIELDS.get(entry.getKey());
            if (name == null) {
                continue;
            }
            CardField field = entry.getValue();
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", entry.getKey().startsWith("date_of_") ? field.value().replace('/', '-') : field.value());
            if (name.equals("permanentAddress") && split) {
                AddressSplit.Parts parts = addresses.split(field.value());
                value.put("province", parts.province());
                value.put("ward", parts.ward());
                value.put("district", parts.district());
                value.put("street", parts.street());
                flagged |= !parts.matched();
                value.put("to-be-reviewed", yesNo(field.toBeReviewed() || !parts.matched()));
            } else {
                value.put("to-be-reviewed", yesNo(field.toBeReviewed()));
            }
            flagged |= field.toBeReviewed();
            fields.put(name, value);
        }
        putProvince(reading, fields);
        Map<String, Object> qualityChecks = new LinkedHashMap<>();
        if (quality) {
            flagged |= map(reading.quality(), QUALITY, qualityChecks, summary);
        }
        Map<String, Object> ruleChecks = new LinkedHashMap<>();
        flagged |= map(reading.rules(), RULES, ruleChecks, summary);
        Map<String, Object> tamperChecks = new LinkedHashMap<>();
        flagged |= map(reading.tampering(), TAMPER, tamperChecks, summary);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("fieldsExtracted", fields);
        detail.put("qualityChecks", qualityChecks);
        detail.put("ruleChecks", ruleChecks);
        detail.put("tamperChecks", tamperChecks);
        detail.put("type", reading.typeCode());
        String action = flagged || !summary.isEmpty() ? "Manual Review" : "pass";
        audit.record(tenant.id(), "api_key", "finos.ocr_national_id", null,
                Map.of("type", reading.typeCode(), "action", action, "request", FinosResponses.requestId(request)));
        return FinosResponses.success(request, Map.of("details", List.of(detail),
                "summary", Map.of("action", action, "details", summary)));
    }

    @PostMapping("/ekyc/ocr/v1/readVNPassport")
    public ResponseEntity<Map<String, Object>> passport(HttpServletRequest request) throws IOException {
        Read read = readOne(request, "vn.passport", "Passport not detected");
        Tenant tenant = read.tenant();
        CardReading reading = read.reading();
        Map<String, Object> details = new LinkedHashMap<>();
        putScored(details, "place_of_issue", reading.fields().get("place_of_issue"));
        putScored(details, "passport_num", reading.fields().get("passport_number"));
        details.put("type", Map.of("value", reading.mrz().fields().get("document_code"), "conf", 1, "to-be-reviewed", "no"));
        putScored(details, "name", reading.fields().get("full_name"));
        putScored(details, "dob", reading.fields().get("date_of_birth"));
        CardField sex = reading.fields().get("sex");
        if (sex != null) {
            String code = sex.value().equals("Nam") ? "NAM/M" : sex.value().equals("Nữ") ? "NỮ/F" : sex.value();
            putScored(details, "gender", new CardField(code, sex.confidence(), sex.toBeReviewed(), sex.source()));
        }
        putScored(details, "doe", reading.fields().get("date_of_expiry"));
        putScored(details, "doi", reading.fields().get("date_of_issue"));
        putScored(details, "country_code", reading.fields().get("country_code"));
        putScored(details, "place_of_birth", reading.fields().get("place_of_birth"));
        putScored(details, "nationality", reading.fields().get("nationality"));
        putScored(details, "id", reading.fields().get("id_number"));
        audit.record(tenant.id(), "api_key", "finos.ocr_passport", null,
                Map.of("mrz_valid", reading.mrz().valid(), "request", FinosResponses.requestId(request)));
        return FinosResponses.success(request, List.of(Map.of("type", reading.typeCode(), "details", details)));
    }

    /**
     * The licence front's details as spec 001 shows them (name, dob, expiry, address, nationality),
     * plus the licence number ("id") and class. Printed values have no second source: no "conf",
     * and each is to be reviewed.
     */
    @PostMapping("/ekyc/ocr/v1/readDL")
    public ResponseEntity<Map<String, Object>> drivingLicence(HttpServletRequest request) throws IOException {
        Read read = readOne(request, "vn.driver_license", "Driver license not detected");
        Tenant tenant = read.tenant();
        CardReading reading = read.reading();
        Map<String, Object> details = new LinkedHashMap<>();
        DRIVER_LICENCE_FIELDS.forEach((name, field) -> putScored(details, name, reading.fields().get(field)));
        audit.record(tenant.id(), "api_key", "finos.ocr_driver_license", null,
                Map.of("type", reading.typeCode(), "request", FinosResponses.requestId(request)));
        return FinosResponses.success(request, List.of(Map.of("type", reading.typeCode(), "details", details)));
    }

    /**
     * A motorcycle registration's owner-and-vehicle side: {@code image1}, and {@code image2} for a
     * second certificate (or the same one photographed again), each read on its own; every image must
     * show a registration. All spec fields are listed: one not read has an empty value, confidence 0
     * and is to be reviewed; a read one carries the OCR's confidence.
     */
    @PostMapping("/ekyc/ocr/v1/readMRC")
    public ResponseEntity<Map<String, Object>> vehicleRegistration(HttpServletRequest request) throws IOException {
        Tenant tenant = uploads.authenticate(request);
        MultipartHttpServletRequest form = FinosUploads.multipart(request);
        Map<String, MultipartFile> files = FinosUploads.files(form);
        if (!files.containsKey("image1")) {
            throw new FinosError(400, NO_IMAGE);
        }
        if (!MRC_IMAGES.containsAll(files.keySet()) || form.getFiles("image1").size() > 1
                || form.getFiles("image2").size() > 1) {
            throw new FinosError(400, FinosError.INVALID_IMAGE);
        }
        List<RgbImage> images = new ArrayList<>();
        for (String name : MRC_IMAGES) {
            if (files.containsKey(name)) {
                images.add(uploads.decode(uploads.bytes(files.get(name))));
            }
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (RgbImage image : images) {
            CardReading reading = documents.reader().read(image, null);
            if (!reading.found() || !"vn.mrc".equals(reading.documentType())) {
                throw new FinosError(422, "MRC Not Detected");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            MRC_FIELDS.forEach((name, field) -> details.put(name, scored(reading.fields().get(field))));
            result.add(Map.of("type", reading.typeCode(), "details", details));
        }
        audit.record(tenant.id(), "api_key", "finos.ocr_mrc", null, Map.of("images", result.size(),
                "types", result.stream().map(r -> r.get("type")).toList(), "request", FinosResponses.requestId(request)));
        return FinosResponses.success(request, result);
    }

    /** {value, conf, to-be-reviewed} with the OCR's confidence; a field not read: empty, 0, to be reviewed. */
    private static Map<String, Object> scored(CardField field) {
        Map<String, Object> value = new LinkedHashMap<>();
        boolean read = field != null && !field.value().isEmpty();
        value.put("value", read ? field.value() : "");
        value.put("conf", read && field.confidence() != null ? Math.round(field.confidence() * 1000) / 1000.0 : 0.0);
        value.put("to-be-reviewed", yesNo(!read || field.toBeReviewed()));
        return value;
    }

    private record Read(Tenant tenant, CardReading reading) {
    }

    /** Authenticates, reads the one image and insists on {@code documentType}: 422 {@code notDetected} otherwise. */
    private Read readOne(HttpServletRequest request, String documentType, String notDetected) throws IOException {
        Tenant tenant = uploads.authenticate(request);
        RgbImage image = oneImage(FinosUploads.multipart(request));
        CardReading reading = documents.reader().read(image, null);
        if (!reading.found() || !documentType.equals(reading.documentType())) {
            throw new FinosError(422, notDetected);
        }
        return new Read(tenant, reading);
    }

    /** Exactly one image part, named {@code image}. */
    private RgbImage oneImage(MultipartHttpServletRequest form) throws IOException {
        Map<String, MultipartFile> files = FinosUploads.files(form);
        if (!files.containsKey("image") || files.size() > 1 || form.getFiles("image").size() > 1) {
            throw new FinosError(400, FinosError.INVALID_IMAGE);
        }
        return uploads.decode(uploads.bytes(files.get("image")));
    }

    /** Puts each mapped check as {value yes/no, to-be-reviewed}; returns whether any failed. */
    private static boolean map(List<QualityCheck> checks, List<Mapped> names, Map<String, Object> out,
                               List<Map<String, String>> summary) {
        boolean failed = false;
        for (Mapped name : names) {
            QualityCheck check = checks.stream().filter(c -> c.name().equals(name.engine())).findFirst().orElse(null);
            if (check == null) {
                continue;
            }
            if (check.unavailable()) {
                out.put(name.finos(), Map.of("value", "unavailable", "to-be-reviewed", "yes"));
                continue;
            }
            out.put(name.finos(), Map.of("value", yesNo(check.failed()), "to-be-reviewed", "no"));
            if (check.failed()) {
                failed = true;
                if (name.code() != null) {
                    summary.add(detail(name.code(), name.message()));
                }
            }
        }
        return failed;
    }

    /** {value, conf where a check digit backs it, to-be-reviewed unless it does}; nothing when not read. */
    private static void putScored(Map<String, Object> details, String name, CardField field) {
        if (field == null) {
            return;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("value", field.value());
        if (field.confidence() != null) {
            value.put("conf", field.confidence());
        }
        value.put("to-be-reviewed", yesNo(field.toBeReviewed() || field.confidence() == null));
        details.put(name, value);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /**
     * FinOS's {@code province}: where the holder's birth was registered, from digits 1-3 of a 12-digit
     * number (the only province the card itself encodes); not given for 9-digit CMNDs, whose codes name
     * the issuing office, nor for births registered abroad. Reviewed whenever the number is.
     */
    private void putProvince(CardReading reading, Map<String, Object> fields) {
        CardField number = reading.fields().get("id_number");
        if (number == null || reading.typeCode().endsWith("_back")) {
            return;
        }
        addresses.birthProvince(number.value()).ifPresent(province -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", province);
            value.put("to-be-reviewed", yesNo(number.toBeReviewed()));
            fields.put("province", value);
        });
    }

    private static Map<String, String> detail(String code, String message) {
        return Map.of("code", code, "message", message);
    }
}
