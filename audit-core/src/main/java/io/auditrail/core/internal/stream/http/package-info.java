/**
 * The stream endpoints' HTTP contract, framework-free: request bodies read into
 * {@link io.auditrail.core.stream.NewStream} and {@link io.auditrail.core.stream.StreamUpdate}
 * with every refusal naming the field, and streams written as JSON without their secrets. The
 * Spring Boot stream endpoints and the audit server's extension both speak through it.
 * Shared with the framework modules of this build; not an API for applications.
 */
@NullMarked
package io.auditrail.core.internal.stream.http;

import org.jspecify.annotations.NullMarked;
