package io.openekyc.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring Boot application; start it through {@link ServerLauncher}, which provides the database. */
@SpringBootApplication
@EnableConfigurationProperties(OpenEkycProperties.class)
@EnableScheduling
public class OpenEkycServer {
}
