/** The hosted-API client ({@code audit-client}) as a Micronaut bean. */
package io.auditrail.micronaut.client;
