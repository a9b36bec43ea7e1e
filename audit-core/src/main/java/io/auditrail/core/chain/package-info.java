/**
 * Key handling for the transparency log's checkpoint signatures: reading and writing Ed25519
 * keys as PEM ({@link io.auditrail.core.chain.ChainKeys}). The log itself is
 * {@link io.auditrail.core.tlog}. JDK crypto only.
 */
@NullMarked
package io.auditrail.core.chain;

import org.jspecify.annotations.NullMarked;
