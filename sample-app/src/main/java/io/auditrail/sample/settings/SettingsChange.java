package io.auditrail.sample.settings;

/**
 * Settings before and after an update; recorded as the event's {@code before} and {@code after} metadata.
 *
 * @param before the settings as they were
 * @param after the settings as they are now
 */
public record SettingsChange(Settings before, Settings after) {
}
