package io.auditrail.server.cli;

import io.auditrail.server.tenant.ApiKeyInfo;
import io.auditrail.server.tenant.IssuedKey;
import io.auditrail.server.tenant.TenantDirectory;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code keys create --organization <id> [--plan <plan>] [--name <label>]}, {@code keys revoke <key-id>}
 * and {@code keys list [--organization <id>]}, on the server's database. Options of the form
 * {@code --a.b=c} are Spring properties (the database URL, say) and are left to Spring.
 */
public final class KeysCommand {

    static final String USAGE = """
            usage: keys create --organization <id> [--plan <plan>] [--name <label>]
                   keys revoke <key-id>
                   keys list [--organization <id>]""";

    private final TenantDirectory directory;

    /**
     * Creates the command.
     *
     * @param directory organisations and keys
     */
    public KeysCommand(TenantDirectory directory) {
        this.directory = directory;
    }

    /**
     * Runs the command.
     *
     * @param args the command line, starting with {@code keys}
     * @param out where results go
     * @param err where errors go
     * @return the exit code: 0 on success, 1 on a failure, 2 on a usage error
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                if (name.contains(".")) {
                    continue;
                }
                if (equals >= 0) {
                    options.put(name, arg.substring(equals + 1));
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                } else {
                    return usage(err, "option --" + name + " needs a value");
                }
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty()) {
            return usage(err, "a subcommand is required");
        }
        try {
            return switch (positional.get(0)) {
                case "create" -> create(options, out, err);
                case "revoke" -> positional.size() == 2 ? revoke(positional.get(1), out, err)
                        : usage(err, "revoke takes one key id");
                case "list" -> list(options.get("organization"), out);
                default -> usage(err, "unknown subcommand '" + positional.get(0) + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int create(Map<String, String> options, PrintStream out, PrintStream err) {
        String organization = options.get("organization");
        if (organization == null) {
            return usage(err, "create needs --organization");
        }
        IssuedKey issued = directory.createKey(organization, options.get("plan"), options.get("name"));
        out.println("Created API key " + issued.info().id() + " for organization " + organization + " (plan "
                + issued.plan().name() + ").");
        out.println("Key (shown once, store it now): " + issued.secret());
        return 0;
    }

    private int revoke(String keyId, PrintStream out, PrintStream err) {
        Optional<ApiKeyInfo> revoked = directory.revoke(keyId);
        if (revoked.isEmpty()) {
            err.println("error: no API key with id " + keyId);
            return 1;
        }
        out.println("Revoked API key " + keyId + " of organization " + revoked.get().organizationId() + ".");
        return 0;
    }

    private int list(String organization, PrintStream out) {
        out.println("id\torganization\tprefix\tname\tcreated_at\trevoked_at");
        for (ApiKeyInfo key : directory.keys(organization)) {
            out.println(key.id() + "\t" + key.organizationId() + "\t" + key.prefix() + "…\t"
                    + (key.name() == null ? "" : key.name()) + "\t" + key.createdAt() + "\t"
                    + (key.revokedAt() == null ? "" : key.revokedAt()));
        }
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }
}
