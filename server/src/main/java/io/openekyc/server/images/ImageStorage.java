package io.openekyc.server.images;

import io.openekyc.server.OpenEkycProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default blob store: encrypted files under {@code DATA_DIR/blobs}. */
@Configuration(proxyBeanMethods = false)
public class ImageStorage {

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    BlobStore fileBlobStore(OpenEkycProperties properties) {
        return new FileBlobStore(properties.dataDir().resolve("blobs"));
    }
}
