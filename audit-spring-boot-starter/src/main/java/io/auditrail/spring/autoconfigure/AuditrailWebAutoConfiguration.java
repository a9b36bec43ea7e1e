package io.auditrail.spring.autoconfigure;

import io.auditrail.core.spi.RequestContextProvider;
import io.auditrail.spring.web.ServletRequestContextProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Client IP, user agent and request id from the servlet request in scope.
 */
@AutoConfiguration(before = AuditrailAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({RequestContextHolder.class, jakarta.servlet.http.HttpServletRequest.class})
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
public final class AuditrailWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(RequestContextProvider.class)
    ServletRequestContextProvider servletRequestContextProvider(AuditrailProperties properties) {
        return new ServletRequestContextProvider(properties.getRequest().isTrustForwardedHeaders(),
                properties.getRequest().getRequestIdHeader());
    }
}
