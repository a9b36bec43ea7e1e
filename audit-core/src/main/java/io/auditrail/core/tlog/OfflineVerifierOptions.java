package io.auditrail.core.tlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The offline verifier's command line: repeatable options keep every value, in order. */
record OfflineVerifierOptions(Map<String, List<String>> values) {

    private static final List<String> SINGLE = List.of("--public-key", "--key-name", "--hmac-key-env",
            "--origin-prefix");
    private static final List<String> REPEATABLE = List.of("--log", "--proof", "--checkpoints");

    static OfflineVerifierOptions parse(String[] args) {
        Map<String, List<String>> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!SINGLE.contains(name) && !REPEATABLE.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (SINGLE.contains(name) && !list.isEmpty()) {
                throw new IllegalArgumentException(name + " may be given once");
            }
            list.add(args[i + 1]);
        }
        OfflineVerifierOptions options = new OfflineVerifierOptions(values);
        if (options.optional("--public-key") == null) {
            throw new IllegalArgumentException("--public-key is required");
        }
        if (options.all("--log").isEmpty() && options.all("--proof").isEmpty()) {
            throw new IllegalArgumentException("give at least one --log or --proof");
        }
        if (!options.all("--log").isEmpty() && options.all("--checkpoints").isEmpty()) {
            throw new IllegalArgumentException("--log needs --checkpoints: without signed checkpoints an export"
                    + " proves nothing");
        }
        return options;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    @Nullable String optional(String name) {
        List<String> list = all(name);
        return list.isEmpty() ? null : list.get(0);
    }

    String single(String name) {
        return Objects.requireNonNull(optional(name), name);
    }
}
