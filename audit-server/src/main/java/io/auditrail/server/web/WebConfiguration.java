package io.auditrail.server.web;

import io.auditrail.server.config.AuditServerProperties;
import io.auditrail.server.tenant.TenantDirectory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP side: body reading with the configured bound, JSON errors, the shutdown gate, and API key authentication on {@code /v1/*}. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    RequestBodies requestBodies(JsonMapper mapper, AuditServerProperties properties) {
        return new RequestBodies(mapper, properties.getMaxRequestSize().toBytes());
    }

    @Bean
    JsonErrors jsonErrors(JsonMapper mapper) {
        return new JsonErrors(mapper);
    }

    @Bean
    ShutdownGate shutdownGate(JsonErrors errors) {
        return new ShutdownGate(errors);
    }

    /** First of all filters, so that nothing behind it touches a closing database. */
    @Bean
    FilterRegistrationBean<ShutdownGate> shutdownGateRegistration(ShutdownGate gate) {
        FilterRegistrationBean<ShutdownGate> registration = new FilterRegistrationBean<>(gate);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(TenantDirectory directory, JsonErrors errors) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(directory, errors));
        registration.addUrlPatterns("/v1/*", StreamsController.PATH, StreamsController.PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}
