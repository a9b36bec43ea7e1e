package io.auditrail.sample.web;

import io.auditrail.sample.apikey.ApiKey;
import io.auditrail.sample.apikey.ApiKeyService;
import io.auditrail.sample.apikey.CreatedApiKey;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys over JSON; changes are for admins only. */
@RestController
@RequestMapping("/api/api-keys")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    /**
     * A key to create.
     *
     * @param name what it is for
     */
    record KeyForm(String name) {
    }

    @GetMapping
    List<ApiKey> list() {
        return keys.list();
    }

    @PostMapping
    CreatedApiKey create(@RequestBody KeyForm form) {
        return keys.create(form.name());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable("id") String id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
