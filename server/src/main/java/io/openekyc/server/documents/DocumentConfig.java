package io.openekyc.server.documents;

import io.openekyc.server.OpenEkycProperties;
import io.openekyc.vision.document.DocumentKit;
import io.openekyc.vision.document.vn.AddressSplit;
import io.openekyc.vision.face.FaceKit;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document engine, built once from the bundled models (OCR data unpacked under the data dir). */
@Configuration(proxyBeanMethods = false)
public class DocumentConfig {

    @Bean(destroyMethod = "close")
    DocumentKit documentKit(FaceKit faces, OpenEkycProperties properties) {
        return new DocumentKit(faces.models(), properties.dataDir().resolve("ocr"), faces.engine().detector(),
                Clock.systemDefaultZone());
    }

    @Bean
    AddressSplit addressSplit(DocumentKit documents) {
        return documents.addresses();
    }
}
