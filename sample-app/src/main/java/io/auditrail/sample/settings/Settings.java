package io.auditrail.sample.settings;

/**
 * An organisation's settings.
 *
 * @param organizationId the organisation
 * @param name its display name
 * @param invoicePrefix prefix of new invoice numbers
 * @param currency ISO 4217 code of invoice amounts
 */
public record Settings(String organizationId, String name, String invoicePrefix, String currency) {
}
