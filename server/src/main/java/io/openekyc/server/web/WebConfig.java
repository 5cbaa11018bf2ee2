package io.openekyc.server.web;

import io.openekyc.server.auth.PortalAuthentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final PortalAuthentication portalAuthentication;

    public WebConfig(PortalAuthentication portalAuthentication) {
        this.portalAuthentication = portalAuthentication;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(portalAuthentication).addPathPatterns("/portal/**");
    }
}
