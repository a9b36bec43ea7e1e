/**
 * The read endpoints ({@code {base-path}/events}, {@code /events/{id}}, {@code /events/export},
 * {@code /usage}) and the viewer at {@code {base-path}/ui/}, with the starter's paths, parameters,
 * scoping and errors (core's {@code AuditReads}); on with {@code auditrail.web.enabled: true}.
 */
package io.auditrail.micronaut.web;
