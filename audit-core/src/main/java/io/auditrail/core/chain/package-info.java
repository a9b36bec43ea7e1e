/**
 * Tamper evidence, independent of where events are stored: the hash chain over canonical
 * events ({@link io.auditrail.core.chain.ChainHasher}), Ed25519-signed checkpoints of chain
 * heads ({@link io.auditrail.core.chain.Checkpoint}, {@link io.auditrail.core.chain.CheckpointSigner},
 * {@link io.auditrail.core.chain.CheckpointVerifier}) and the verification walk that names the
 * first problem and its class ({@link io.auditrail.core.chain.ChainVerifier}). JDK crypto only.
 */
@NullMarked
package io.auditrail.core.chain;

import org.jspecify.annotations.NullMarked;
