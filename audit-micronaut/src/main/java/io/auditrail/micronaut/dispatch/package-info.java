/** One dispatcher per sink, chosen from {@code auditrail.dispatch} and what the sink supports. */
package io.auditrail.micronaut.dispatch;
