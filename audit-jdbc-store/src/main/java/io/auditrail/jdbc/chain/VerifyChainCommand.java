package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.ChainKeys;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.tlog.FileCheckpointSink;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.DriverManagerDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Verifies the transparency log from the command line, for auditors and cron jobs. Exit code 0 when every
 * chain checked is intact, 1 when a problem was found, 2 for bad arguments or a failure.
 *
 * <pre>
 * java -cp audit-jdbc-store.jar:audit-core.jar:&lt;jackson, slf4j, JDBC driver&gt; \
 *     io.auditrail.jdbc.chain.VerifyChainCommand --url jdbc:postgresql://db/app --user auditor \
 *     [--password-env VAR] [--organization acme | --all] [--from 100] [--to 200] \
 *     [--table audit_events] [--checkpoint-table audit_checkpoints] \
 *     [--public-key key.pem] [--hmac-key-env VAR] [--checkpoints exported.jsonl]
 * </pre>
 *
 * The password and the HMAC key (base64) are read from environment variables so they do not
 * show in the process list. Without {@code --organization} every organisation is verified that
 * has an event row, a leaf or a checkpoint in the database, or a note in {@code --checkpoints}.
 * {@code --from}/{@code --to} are leaf indexes.
 */
public final class VerifyChainCommand {

    private static final Set<String> OPTIONS = Set.of("--url", "--user", "--password-env", "--organization",
            "--from", "--to", "--table", "--checkpoint-table", "--public-key", "--hmac-key-env", "--checkpoints");

    private VerifyChainCommand() {
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: VerifyChainCommand --url JDBC_URL [--user USER] [--password-env VAR]"
                    + " [--organization ID] [--from LEAF] [--to LEAF] [--table NAME] [--checkpoint-table NAME]"
                    + " [--public-key PEM_FILE] [--hmac-key-env VAR] [--checkpoints JSONL_FILE]");
            return 2;
        }
        try {
            JdbcAuditChain.Builder builder = JdbcAuditChain.builder(dataSource(options, environment))
                    .initializeSchema(InitializeSchema.NEVER);
            if (options.containsKey("--table")) {
                builder.tableName(options.get("--table"));
            }
            if (options.containsKey("--checkpoint-table")) {
                builder.checkpointTableName(options.get("--checkpoint-table"));
            }
            if (options.containsKey("--public-key")) {
                builder.verificationKey(ChainKeys.publicKey(read(Path.of(options.get("--public-key")))));
            }
            if (options.containsKey("--hmac-key-env")) {
                builder.hmacKey(Base64.getDecoder().decode(required(environment, options.get("--hmac-key-env"))));
            }
            List<SignedNote> exported = options.containsKey("--checkpoints")
                    ? FileCheckpointSink.read(Path.of(options.get("--checkpoints"))) : List.of();
            Long from = number(options, "--from");
            Long to = number(options, "--to");
            JdbcAuditChain chain = builder.build();
            List<String> organizations = new ArrayList<>();
            if (options.containsKey("--organization")) {
                organizations.add(options.get("--organization"));
            } else {
                organizations.addAll(chain.organizations(exported));
            }
            int exit = 0;
            for (String organization : organizations) {
                LogVerification result = chain.verify(organization, from, to, exported);
                String name = organization == null ? "(no organisation)" : organization;
                if (result.intact()) {
                    out.println("OK " + name + ": " + result.leavesChecked() + " events intact in a tree of "
                            + result.treeSize() + " leaves");
                } else {
                    out.println("PROBLEM " + name + ": " + result.problem().type() + " at leaf "
                            + result.problem().leafIndex() + ": " + result.problem().detail());
                    exit = 1;
                }
            }
            return exit;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--url")) {
            throw new IllegalArgumentException("--url is required");
        }
        return options;
    }

    private static Long number(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a leaf index but was " + value, e);
        }
    }

    private static String required(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set");
        }
        return value.strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static DataSource dataSource(Map<String, String> options, Map<String, String> environment) {
        String url = options.get("--url");
        String user = options.get("--user");
        String password = options.containsKey("--password-env") ? required(environment, options.get("--password-env"))
                : null;
        return new DriverManagerDataSource(url, user, password);
    }
}
