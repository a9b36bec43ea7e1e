package io.auditrail.micronaut.chain;

import io.auditrail.core.config.ChainSettings;
import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code auditrail.chain.*}: the keys, defaults and meanings of core's {@link ChainSettings}, as in the starter. */
@ConfigurationProperties("auditrail.chain")
public class ChainConfiguration extends ChainSettings {
}
