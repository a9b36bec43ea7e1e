package io.auditrail.spring.autoconfigure;

import io.auditrail.core.stream.StreamService;
import io.auditrail.spring.web.read.AuditReadScopeResolver;
import io.auditrail.spring.web.read.AuditStreamsController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The stream endpoints under the read endpoints' base path ({@code /audit/streams}), when streams
 * and the read endpoints are both on, for the admins of the caller's organisation as the read
 * endpoints' scope resolver decides.
 */
@AutoConfiguration(after = {AuditrailStreamsAutoConfiguration.class, AuditrailReadAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, CsrfToken.class, StreamService.class})
@ConditionalOnBean({StreamService.class, AuditReadScopeResolver.class})
public final class AuditrailStreamsWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditStreamsController auditStreamsController(StreamService streams, AuditReadScopeResolver scopes) {
        return new AuditStreamsController(streams, scopes);
    }
}
