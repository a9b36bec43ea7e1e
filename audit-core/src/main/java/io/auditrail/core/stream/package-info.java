/**
 * Log streams: each organisation streams its own audit trail to its SIEM (a signed HTTPS
 * webhook, Splunk HEC or Datadog logs), in Auditrail's JSON or OCSF, at least once and in order.
 * {@link io.auditrail.core.stream.StreamService} holds the admin operations, every one scoped
 * by organisation; {@link io.auditrail.core.stream.StreamSettings} the operator's settings;
 * {@link io.auditrail.core.stream.StreamMonitor} the metrics hook. The JDBC store implements
 * the service and the deliverers ({@code io.auditrail.jdbc.stream}). Framework-free.
 */
@NullMarked
package io.auditrail.core.stream;

import org.jspecify.annotations.NullMarked;
