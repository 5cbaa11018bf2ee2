package io.openekyc.server.dialects.finos;

import io.openekyc.server.OpenEkycProperties;
import io.openekyc.server.audit.AuditLog;
import io.openekyc.server.auth.ApiKeyAuthentication;
import io.openekyc.server.crypto.LookupHash;
import io.openekyc.server.faces.FaceChecks;
import io.openekyc.server.tenants.Tenant;
import io.openekyc.vision.face.FaceMatch;
import io.openekyc.vision.face.SelfieReport;
import io.openekyc.vision.image.ImageRejected;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.quality.QualityCheck;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** FinOS face comparison ({@code verifyPair}) and passive liveness ({@code v2/photo/liveness}). */
@RestController
public class FinosFaces {

    private final FinosUploads uploads;
    private final FaceChecks faces;
    private final JdbcClient jdbc;
    private final LookupHash lookup;
    private final AuditLog audit;

    public FinosFaces(FinosUploads uploads, FaceChecks faces, JdbcClient jdbc, LookupHash lookup, AuditLog audit) {
        this.uploads = uploads;
        this.faces = faces;
        this.jdbc = jdbc;
        this.lookup = lookup;
        this.audit = audit;
    }

    @PostMapping("/ekyc/face/v1/photo/verifyPair")
    public ResponseEntity<Map<String, Object>> verifyPair(HttpServletRequest request) throws IOException {
        Tenant tenant = uploads.authenticate(request);
        MultipartHttpServletRequest form = FinosUploads.multipart(request);
        Map<String, MultipartFile> files = FinosUploads.files(form);
        boolean pairByType = files.containsKey("image1") && files.containsKey("image2")
                && !files.containsKey("selfie") && !files.containsKey("id")
                && "selfie".equals(form.getParameter("type"));
        boolean selfieAndId = files.containsKey("selfie") && files.containsKey("id")
                && !files.containsKey("image1") && !files.containsKey("image2");
        if (files.containsKey("selfie") && form.getParameter("idFaceString") != null && !files.containsKey("id")) {
            throw new FinosError(400, "Parameter idFaceString is not supported by this server: send the ID card image as 'id'");
        }
        if (!(pairByType ^ selfieAndId) || files.size() != 2) {
            throw new FinosError(400, FinosError.WRONG_COMBINATION);
        }
        int threshold = threshold(request);
        byte[] first = uploads.bytes(files.get(pairByType ? "image1" : "selfie"));
        byte[] second = uploads.bytes(files.get(pairByType ? "image2" : "id"));
        if (selfieAndId && "yes".equalsIgnoreCase(form.getParameter("fraudCheckLiveness"))) {
            requirePassedLiveness(request, tenant, first);
        }
        RgbImage a = uploads.decode(first);
        RgbImage b = uploads.decode(second);
        FaceMatch match = faces.compare(a, b, FaceChecks.matchThreshold(tenant.settings()));
        if (match.faces1().isEmpty() || match.faces2().isEmpty()) {
            String which = match.faces1().isEmpty() ? (pairByType ? "image1" : "selfie") : (pairByType ? "image2" : "id");
            throw new FinosError(422, "Face not detected in " + which);
        }
        int score = FinosScores.matchScore(match.score(), match.threshold());
        boolean matched = score >= threshold;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("conf", matched ? score : 100 - score);
        result.put("match", matched ? "yes" : "no");
        result.put("match_score", score);
        result.put("match-score", score);
        result.put("to-be-reviewed", Math.abs(score - threshold) < FinosScores.REVIEW_MARGIN ? "yes" : "no");
        audit.record(tenant.id(), "api_key", "finos.face_compare", null,
                Map.of("matched", matched, "request", FinosResponses.requestId(request)));
        return FinosResponses.success(request, result);
    }

    @PostMapping("/ekyc/face/v2/photo/liveness")
    public ResponseEntity<Map<String, Object>> liveness(HttpServletRequest request) throws IOException {
        Tenant tenant = uploads.authenticate(request);
        MultipartHttpServletRequest form = FinosUploads.multipart(request);
        Map<String, MultipartFile> files = FinosUploads.files(form);
        if (!files.containsKey("image")) {
            throw new FinosError(400, files.isEmpty() ? "image is required" : FinosError.INVALID_IMAGE);
        }
        if (files.size() > 1 || form.getFiles("image").size() > 1) {
            throw new FinosError(400, FinosError.INVALID_IMAGE);
        }
        byte[] bytes = uploads.bytes(files.get("image"));
        SelfieReport report = faces.selfie(uploads.decode(bytes), tenant.settings());
        if (!report.faceFound()) {
            throw new FinosError(422, "Face not detected in image");
        }
        boolean live = report.liveness().live();
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("blur", flag(report.check("blur")));
        quality.put("eyesClosed", flag(report.check("eyes_closed")));
        quality.put("maskPresent", flag(report.check("mask_present")));
        quality.put("multipleFaces", flag(report.check("multiple_faces")));
        List<Map<String, String>> details = new ArrayList<>();
        if (!live) {
            details.add(detail("111", "Selfie Not Live"));
        }
        if (report.failed("multiple_faces")) {
            details.add(detail("112", "Multiple faces detected in selfie"));
        }
        if (report.failed("eyes_closed")) {
            details.add(detail("113", "Eyes closed in selfie"));
        }
        if (report.failed("mask_present")) {
            details.add(detail("114", "Mask detected in selfie"));
        }
        if (report.failed("blur")) {
            details.add(detail("115", "Selfie is blurred"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        double margin = Math.abs(report.liveness().score() - report.liveness().threshold());
        result.put("liveFace", Map.of("value", live ? "yes" : "no", "to-be-reviewed", margin < 0.15 ? "yes" : "no"));
        result.put("qualityChecks", quality);
        result.put("summary", Map.of("action", details.isEmpty() ? "pass" : "manualReview", "details", details));
        String transaction = FinosResponses.transactionId(request);
        if (transaction != null) {
            jdbc.sql("insert into finos_liveness_check (tenant_id, transaction_id, image_hash, live) values (?, ?, ?, ?)")
                    .params(tenant.id(), transaction, imageHash(tenant, bytes), live).update();
        }
        audit.record(tenant.id(), "api_key", "finos.liveness", null,
                Map.of("live", live, "request", FinosResponses.requestId(request)));
        return FinosResponses.success(request, result);
    }

    private void requirePassedLiveness(HttpServletRequest request, Tenant tenant, byte[] selfie) {
        String transaction = FinosResponses.transactionId(request);
        Optional<Map<String, Object>> latest = transaction == null ? Optional.empty() : jdbc.sql("""
                select image_hash, live from finos_liveness_check where tenant_id = ? and transaction_id = ?
                order by id desc limit 1""").params(tenant.id(), transaction)
                .query((rs, n) -> Map.<String, Object>of("hash", rs.getBytes(1), "live", rs.getBoolean(2))).optional();
        boolean passed = latest.isPresent() && (Boolean) latest.get().get("live")
                && MessageDigest.isEqual((byte[]) latest.get().get("hash"), imageHash(tenant, selfie));
        if (!passed) {
            throw new FinosError(400, "Fraud check liveness failed");
        }
    }

    private byte[] imageHash(Tenant tenant, byte[] bytes) {
        return lookup.of("finos-liveness:" + tenant.id(), bytes);
    }

    private static int threshold(HttpServletRequest request) {
        String header = request.getHeader("threshold");
        if (header == null || header.isBlank()) {
            return FinosScores.DEFAULT_THRESHOLD;
        }
        try {
            int value = Integer.parseInt(header.trim());
            if (value >= 1 && value <= 99) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new FinosError(400, "Header threshold must be an integer from 1 to 99");
    }

    private static Map<String, String> flag(Optional<QualityCheck> check) {
        if (check.isEmpty() || check.get().unavailable()) {
            // Not judged (e.g. no reliable mask model): say so instead of guessing.
            return Map.of("value", "unavailable", "to-be-reviewed", "yes");
        }
        return Map.of("value", check.get().failed() ? "yes" : "no", "to-be-reviewed", "no");
    }

    private static Map<String, String> detail(String code, String message) {
        return Map.of("code", code, "message", message);
    }
}
