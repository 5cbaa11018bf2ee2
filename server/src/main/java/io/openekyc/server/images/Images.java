package io.openekyc.server.images;

import io.openekyc.server.OpenEkycProperties;
import io.openekyc.server.audit.AuditLog;
import io.openekyc.server.crypto.LookupHash;
import io.openekyc.server.crypto.SecretBox;
import io.openekyc.vision.image.ImageInfo;
import io.openekyc.vision.image.ImageProbe;
import io.openekyc.vision.image.ImageRejected;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts images (real format, size and pixel limits), stores each distinct content once per
 * tenant, encrypted with AES-GCM in the blob store, and records every upload with its label.
 */
@Service
public class Images {

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final SecretBox secrets;
    private final LookupHash lookup;
    private final AuditLog audit;
    private final ImageProbe probe;
    private final long maxBytes;

    public Images(JdbcClient jdbc, BlobStore blobs, SecretBox secrets, LookupHash lookup, AuditLog audit,
                  OpenEkycProperties properties) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.secrets = secrets;
        this.lookup = lookup;
        this.audit = audit;
        this.probe = new ImageProbe(properties.upload().maxPixels());
        this.maxBytes = properties.upload().maxBytes();
    }

    /** An image's stored bytes and what they are. */
    public record Content(StoredImage image, byte[] bytes) {
    }

    /** A file attached to an application, with the label it was uploaded with. */
    public record Attached(UUID imageId, String label) {
    }

    /**
     * Validates and stores an upload. {@code metadataJson} is stored encrypted (it may hold PII);
     * {@code applicationId} attaches the image to an application of the same tenant.
     */
    @Transactional
    public StoredImage store(long tenantId, byte[] bytes, String label, String metadataJson, Long applicationId,
                             String actor) throws ImageRejected {
        requireWithinLimit(bytes);
        return store(tenantId, bytes, probe.inspect(bytes), label, metadataJson, applicationId, actor);
    }

    /** Refuses bytes over the configured size before anything decodes them. */
    public void requireWithinLimit(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new ImageTooLarge(maxBytes);
        }
    }

    /** Stores an upload the caller has already validated and decoded ({@code info} from that decode). */
    @Transactional
    public StoredImage store(long tenantId, byte[] bytes, ImageInfo info, String label, String metadataJson,
                             Long applicationId, String actor) {
        requireWithinLimit(bytes);
        byte[] hash = lookup.of("image:" + tenantId, bytes);
        String blobKey = "t" + tenantId + "/" + HexFormat.of().formatHex(hash);
        if (!blobs.exists(blobKey)) {
            blobs.put(blobKey, secrets.seal(bytes, "image:" + blobKey));
        }
        UUID fresh = UUID.randomUUID();
        jdbc.sql("""
                insert into image (id, tenant_id, content_hash, media_type, width, height, size_bytes, blob_key)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, content_hash) do nothing""")
                .params(fresh, tenantId, hash, info.format().mediaType(), info.width(), info.height(),
                        (long) bytes.length, blobKey)
                .update();
        StoredImage image = jdbc.sql("select * from image where tenant_id = ? and content_hash = ?")
                .params(tenantId, hash).query(this::map).single();
        Long uploadId = jdbc.sql("""
                insert into image_upload (tenant_id, image_id, application_id, label, metadata_ct)
                values (?, ?, ?, ?, ?) returning id""")
                .params(tenantId, image.id(), applicationId, label,
                        metadataJson == null ? null : secrets.sealString(metadataJson, "image-metadata:" + image.id()))
                .query(Long.class).single();
        audit.record(tenantId, actor, "image.uploaded", "image:" + image.id(),
                Map.of("upload", uploadId, "application", applicationId == null ? "none" : applicationId,
                        "media_type", image.mediaType(), "bytes", bytes.length,
                        "deduplicated", !image.id().equals(fresh)));
        return image;
    }

    /** Any image of this tenant (e.g. uploaded before it is used), with its decrypted bytes. */
    public Optional<Content> read(long tenantId, UUID imageId) {
        return jdbc.sql("select * from image where tenant_id = ? and id = ?").params(tenantId, imageId)
                .query(this::map).optional().map(this::content);
    }

    /** Attaches an already stored image of the same tenant to an application, under a label. */
    public void attach(long tenantId, UUID imageId, long applicationId, String label, String actor) {
        jdbc.sql("""
                insert into image_upload (tenant_id, image_id, application_id, label)
                select tenant_id, id, ?, ? from image where tenant_id = ? and id = ?""")
                .params(applicationId, label, tenantId, imageId).update();
        audit.record(tenantId, actor, "image.attached", "image:" + imageId, Map.of("application", applicationId));
    }

    private Content content(StoredImage image) {
        return new Content(image, secrets.open(blobs.get(image.blobKey()).orElseThrow(() -> new IllegalStateException(
                "blob of image " + image.id() + " is missing from the blob store")), "image:" + image.blobKey()));
    }

    /** An image attached to an application of this tenant, with its decrypted bytes. */
    public Optional<Content> readAttached(long tenantId, long applicationId, UUID imageId) {
        return jdbc.sql("""
                select i.* from image i
                where i.tenant_id = ? and i.id = ? and exists (
                    select 1 from image_upload u where u.image_id = i.id and u.tenant_id = i.tenant_id
                    and u.application_id = ?)""")
                .params(tenantId, imageId, applicationId).query(this::map).optional()
                .map(this::content);
    }

    /** The images attached to an application, oldest first, each with its latest label. */
    public List<Attached> attachedTo(long tenantId, long applicationId) {
        return jdbc.sql("""
                select image_id, label from (
                    select image_id, label, id, row_number() over (partition by image_id order by id desc) as newest
                    from image_upload where tenant_id = ? and application_id = ?) u
                where newest = 1 order by id""")
                .params(tenantId, applicationId)
                .query((rs, n) -> new Attached(rs.getObject("image_id", UUID.class), rs.getString("label")))
                .list();
    }

    private StoredImage map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredImage(rs.getObject("id", UUID.class), rs.getLong("tenant_id"), rs.getString("media_type"),
                rs.getInt("width"), rs.getInt("height"), rs.getLong("size_bytes"), rs.getString("blob_key"));
    }
}
