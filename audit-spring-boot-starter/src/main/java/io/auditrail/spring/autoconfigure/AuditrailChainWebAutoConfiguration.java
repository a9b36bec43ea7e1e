package io.auditrail.spring.autoconfigure;

import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.spring.web.read.AuditChainController;
import io.auditrail.spring.web.read.AuditReadScopeResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The chain's verify endpoint beside the read endpoints, when both the chain and the read
 * endpoints are on: scoped like them, and for organisation admins only.
 */
@AutoConfiguration(after = {AuditrailChainAutoConfiguration.class, AuditrailReadAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, JdbcAuditChain.class})
@ConditionalOnBean({JdbcAuditChain.class, AuditReadScopeResolver.class})
public final class AuditrailChainWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditChainController auditChainController(JdbcAuditChain chain, AuditReadScopeResolver scopes) {
        return new AuditChainController(chain, scopes);
    }
}
