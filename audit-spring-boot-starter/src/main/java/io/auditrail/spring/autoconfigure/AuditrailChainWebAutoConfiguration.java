package io.auditrail.spring.autoconfigure;

import io.auditrail.core.internal.chain.LogKeys;
import io.auditrail.core.store.AuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.spring.web.read.AuditChainController;
import io.auditrail.spring.web.read.AuditProofController;
import io.auditrail.spring.web.read.AuditReadScopeResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The log's endpoints beside the read endpoints, when both the log and the read endpoints are
 * on, scoped like them: an event's inclusion proof, the newest checkpoint, consistency proofs,
 * the export for the offline verifier and verification in place.
 */
@AutoConfiguration(after = {AuditrailChainAutoConfiguration.class, AuditrailReadAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, JdbcAuditChain.class})
@ConditionalOnBean({JdbcAuditChain.class, AuditStore.class, AuditReadScopeResolver.class})
@EnableConfigurationProperties(AuditrailChainProperties.class)
public final class AuditrailChainWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditChainController auditChainController(JdbcAuditChain chain, AuditReadScopeResolver scopes) {
        return new AuditChainController(chain, scopes);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditProofController auditProofController(JdbcAuditChain chain, AuditStore store, AuditReadScopeResolver scopes,
            AuditrailChainProperties properties) {
        LogKeys keys = LogKeys.of(properties);
        return new AuditProofController(chain, store, scopes, keys.hasher(), keys.verifier(), keys.originPrefix());
    }
}
