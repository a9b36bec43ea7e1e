package io.auditrail.spring.autoconfigure;

import io.auditrail.core.config.ChainSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tamper evidence for the JDBC store: {@code auditrail.chain.*}, the keys of core's
 * {@link ChainSettings}.
 */
@ConfigurationProperties("auditrail.chain")
public class AuditrailChainProperties extends ChainSettings {
}
