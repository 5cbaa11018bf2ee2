package io.openekyc.server.dialects.finos;

import io.openekyc.server.OpenEkycProperties;
import io.openekyc.server.auth.ApiKeyAuthentication;
import io.openekyc.server.faces.FaceChecks;
import io.openekyc.server.tenants.Tenant;
import io.openekyc.vision.image.ImageRejected;
import io.openekyc.vision.image.RgbImage;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** FinOS request handling shared by its endpoints: the API key, multipart files, size limit, decoding. */
@Component
class FinosUploads {

    private final ApiKeyAuthentication apiKeys;
    private final FaceChecks faces;
    private final long maxBytes;

    FinosUploads(ApiKeyAuthentication apiKeys, FaceChecks faces, OpenEkycProperties properties) {
        this.apiKeys = apiKeys;
        this.faces = faces;
        this.maxBytes = properties.upload().maxBytes();
    }

    Tenant authenticate(HttpServletRequest request) {
        return apiKeys.tenantOf(request, FinosResponses.API_KEY_HEADER)
                .orElseThrow(() -> new FinosError(401, FinosError.BAD_API_KEY));
    }

    static MultipartHttpServletRequest multipart(HttpServletRequest request) {
        if (request instanceof MultipartHttpServletRequest form) {
            return form;
        }
        throw new FinosError(400, FinosError.INVALID_IMAGE);
    }

    /** The non-empty file parts by name. */
    static Map<String, MultipartFile> files(MultipartHttpServletRequest form) {
        Map<String, MultipartFile> files = new LinkedHashMap<>();
        form.getMultiFileMap().forEach((name, list) -> list.stream().filter(f -> !f.isEmpty()).findFirst()
                .ifPresent(f -> files.put(name, f)));
        return files;
    }

    byte[] bytes(MultipartFile file) throws IOException {
        if (file.getSize() > maxBytes) {
            throw new FinosError(413, FinosError.TOO_LARGE);
        }
        return file.getBytes();
    }

    RgbImage decode(byte[] bytes) {
        try {
            return faces.decode(bytes);
        } catch (ImageRejected e) {
            throw new FinosError(400, FinosError.INVALID_IMAGE);
        }
    }
}
