package io.auditrail.sample.web;

import io.auditrail.sample.settings.Settings;
import io.auditrail.sample.settings.SettingsService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Organisation settings over JSON; changes are for admins only. */
@RestController
@RequestMapping("/api/settings")
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    /**
     * New settings.
     *
     * @param name display name
     * @param invoicePrefix prefix of new invoice numbers
     * @param currency ISO 4217 currency code
     */
    record SettingsForm(String name, String invoicePrefix, String currency) {
    }

    @GetMapping
    Settings get() {
        return settings.get();
    }

    @PutMapping
    Settings update(@RequestBody SettingsForm form) {
        return settings.update(form.name(), form.invoicePrefix(), form.currency()).after();
    }
}
