package io.openekyc.server.faces;

import io.openekyc.vision.face.FaceKit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The face engine, built once from the bundled models and shared by all requests. */
@Configuration(proxyBeanMethods = false)
public class FaceConfig {

    @Bean(destroyMethod = "close")
    FaceKit faceKit() {
        return FaceKit.load();
    }
}
