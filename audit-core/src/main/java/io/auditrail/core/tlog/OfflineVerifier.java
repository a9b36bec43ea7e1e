package io.auditrail.core.tlog;

import io.auditrail.core.event.AuditEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Verifies exported logs and inclusion proofs with no database and no framework, only the
 * checkpoints and the public key: every event of an export is recomputed into its
 * organisation's tree and every signed checkpoint must match the tree at its size (so every newer
 * checkpoint extends the older ones), and each inclusion proof must lead from its event to a
 * validly signed root.
 *
 * <pre>
 * java -cp audit-core.jar:jackson-core.jar:jackson-databind.jar:jackson-annotations.jar:slf4j-api.jar \
 *     io.auditrail.core.tlog.OfflineVerifier --public-key KEY \
 *     [--log export.jsonl]... [--proof bundle.json]... [--checkpoints checkpoints.jsonl]... \
 *     [--key-name NAME] [--hmac-key-env VAR] [--origin-prefix auditrail]
 * </pre>
 *
 * {@code KEY} is a note verifier key ({@code name+id+base64}) or a file holding one or an Ed25519
 * public key in PEM. A checkpoints file may also hold signed retention records
 * ({@link LogCheckpoint#RETENTION_LINE}); an export line without its event (a purged leaf) passes
 * only below the size of one. Leaves past the newest signed checkpoint of their log are reported
 * {@code UNSEALED} (unproven: nothing signed vouches for them), exit code 1. The HMAC key (base64) of a keyed log is read from an environment variable so
 * it does not show in the process list. Exit code 0 when everything is intact, 1 when a problem was
 * found (each printed with its class and leaf), 2 for bad arguments or unreadable input.
 */
public final class OfflineVerifier {

    private static final String USAGE = "usage: OfflineVerifier --public-key KEY_OR_FILE [--log EXPORT_JSONL]..."
            + " [--proof BUNDLE_JSON]... [--checkpoints CHECKPOINTS_JSONL]... [--key-name NAME]"
            + " [--hmac-key-env VAR] [--origin-prefix PREFIX]";

    private final PrintStream out;
    private final OfflineVerifierOptions options;
    private final LeafHasher hasher;
    private final NoteVerifier key;
    private final Map<String, List<SignedNote>> checkpointsByOrigin = new LinkedHashMap<>();
    private final Map<String, Long> retainedByOrigin = new LinkedHashMap<>();
    private final List<SignedNote> proofCheckpoints = new ArrayList<>();
    private boolean problemFound;

    private OfflineVerifier(OfflineVerifierOptions options, Map<String, String> environment, PrintStream out) {
        this.out = out;
        this.options = options;
        this.key = NoteVerifier.fromText(keyText(options.single("--public-key")), options.optional("--key-name"));
        String hmacVariable = options.optional("--hmac-key-env");
        this.hasher = hmacVariable == null ? LeafHasher.sha256() : LeafHasher.hmac(hmacKey(environment, hmacVariable));
    }

    /**
     * Runs the verifier and exits with its code.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs the verifier.
     *
     * @param args see the class documentation
     * @param environment where {@code --hmac-key-env} looks
     * @param out where results go, one line each
     * @param err where errors go
     * @return 0 intact, 1 problem found, 2 bad arguments or unreadable input
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            OfflineVerifierOptions options = OfflineVerifierOptions.parse(args);
            return new OfflineVerifier(options, environment, out).verify();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return 2;
        }
    }

    private int verify() {
        String prefix = Objects.requireNonNullElse(options.optional("--origin-prefix"), LogOrigin.DEFAULT_PREFIX);
        for (String file : options.all("--checkpoints")) {
            readCheckpoints(Path.of(file), prefix);
        }
        List<ProofFile> proofs = new ArrayList<>();
        for (String file : options.all("--proof")) {
            InclusionProofBundle bundle = parseFile(Path.of(file));
            proofs.add(new ProofFile(file, bundle));
            try {
                proofCheckpoints.add(SignedNote.parse(bundle.checkpoint()));
            } catch (IllegalArgumentException e) {
                // verifyProof reports the malformed checkpoint as BAD_SIGNATURE
            }
        }
        if (!options.all("--log").isEmpty()) {
            verifyLogs(prefix);
        }
        for (ProofFile proof : proofs) {
            verifyProof(proof, prefix);
        }
        return problemFound ? 1 : 0;
    }

    private void verifyLogs(String prefix) {
        Map<String, List<SignedNote>> notes = new LinkedHashMap<>(checkpointsByOrigin);
        for (SignedNote note : proofCheckpoints) {
            String origin = originOf(note);
            if (origin != null && key.verify(note) && isOriginOf(prefix, origin)) {
                notes.computeIfAbsent(origin, o -> new ArrayList<>()).add(note);
            }
        }
        Map<String, LogVerifier> verifiers = new LinkedHashMap<>();
        for (String file : options.all("--log")) {
            streamExport(Path.of(file), line -> {
                LogOrigin origin = LogOrigin.of(prefix, line.organizationId());
                LogVerifier verifier = verifiers.computeIfAbsent(origin.value(), o -> LogVerifier
                        .builder(origin, hasher, key).checkpoints(notes.getOrDefault(o, List.of())).build());
                AuditEvent event = line.event();
                verifier.leaf(line.leafIndex(), line.leafHash(), event,
                        event == null && line.leafIndex() < retainedByOrigin.getOrDefault(origin.value(), 0L));
            });
        }
        for (String origin : notes.keySet()) {
            if (!verifiers.containsKey(origin)) {
                LogOrigin parsed = LogOrigin.parse(prefix, origin);
                verifiers.put(origin, LogVerifier.builder(parsed, hasher, key).checkpoints(notes.get(origin)).build());
            }
        }
        verifiers.forEach((origin, verifier) -> {
            LogVerification result = verifier.finish();
            String name = result.organizationId() == null ? "(no organisation)" : result.organizationId();
            LogProblem problem = result.problem();
            long signed = largestSize(notes.getOrDefault(origin, List.of()));
            if (problem == null && result.treeSize() > signed) {
                problem = new LogProblem(signed, LogProblem.Type.UNSEALED, (result.treeSize() - signed == 1 ? "leaf "
                        + signed : "leaves " + signed + ".." + (result.treeSize() - 1)) + " lie past the newest signed"
                        + " checkpoint (" + signed + "): unproven, nothing signed vouches for them");
            }
            if (problem == null) {
                int checkpoints = notes.getOrDefault(origin, List.of()).size();
                out.println("OK " + name + ": " + result.leavesChecked() + " leaves intact, tree size "
                        + result.treeSize() + ", " + checkpoints + " signed checkpoint" + (checkpoints == 1 ? "" : "s"));
            } else {
                problem(name + ": " + problem.type() + " at leaf " + problem.leafIndex() + ": " + problem.detail());
            }
        });
    }

    private void verifyProof(ProofFile proof, String prefix) {
        InclusionProofBundle bundle = proof.bundle();
        LogVerification result = bundle.verify(hasher, key, prefix);
        LogProblem problem = result.problem();
        if (problem == null) {
            problem = forkAgainstCheckpoints(bundle, prefix);
        }
        String event = bundle.event().id().toString();
        if (problem == null) {
            out.println("OK proof " + proof.file() + ": event " + event + " is leaf " + bundle.leafIndex() + " of "
                    + LogOrigin.of(prefix, bundle.event().organizationId()) + " at size " + bundle.treeSize());
        } else {
            problem("proof " + proof.file() + " (event " + event + "): " + problem.type() + " at leaf "
                    + problem.leafIndex() + ": " + problem.detail());
        }
    }

    /** A proven checkpoint and a supplied one of the same log and size must sign the same root. */
    private @Nullable LogProblem forkAgainstCheckpoints(InclusionProofBundle bundle, String prefix) {
        LogCheckpoint proven = LogCheckpoint.parse(SignedNote.parse(bundle.checkpoint()).body());
        String origin = LogOrigin.of(prefix, bundle.event().organizationId()).value();
        for (SignedNote note : checkpointsByOrigin.getOrDefault(origin, List.of())) {
            LogCheckpoint other = LogCheckpoint.parse(note.body());
            if (key.verify(note) && other.size() == proven.size() && !other.equals(proven)) {
                return new LogProblem(bundle.leafIndex(), LogProblem.Type.FORKED, "the proof's checkpoint and a"
                        + " supplied checkpoint both sign size " + proven.size() + " with different roots");
            }
        }
        return null;
    }

    /**
     * Reads signed checkpoints and signed retention records ({@link LogCheckpoint#RETENTION_LINE}):
     * a leaf may lack its event only below the size of a validly signed retention record.
     */
    private void readCheckpoints(Path file, String prefix) {
        CheckpointLine.read(file, (number, noteText) -> {
            SignedNote note;
            LogCheckpoint checkpoint;
            try {
                note = SignedNote.parse(noteText);
                checkpoint = LogCheckpoint.parseAny(note.body());
            } catch (IllegalArgumentException e) {
                problem("checkpoints " + file.getFileName() + " line " + number + ": " + LogProblem.Type.BAD_SIGNATURE
                        + ": the note is malformed: " + e.getMessage());
                return;
            }
            LogOrigin.parse(prefix, checkpoint.origin());
            if (!LogCheckpoint.isRetention(note.body())) {
                checkpointsByOrigin.computeIfAbsent(checkpoint.origin(), o -> new ArrayList<>()).add(note);
            } else if (key.verify(note)) {
                retainedByOrigin.merge(checkpoint.origin(), checkpoint.size(), Math::max);
            } else {
                problem("checkpoints " + file.getFileName() + " line " + number + ": " + LogProblem.Type.BAD_SIGNATURE
                        + ": the retention record of size " + checkpoint.size() + " is not validly signed by the key");
            }
        });
    }

    private static long largestSize(List<SignedNote> notes) {
        long largest = 0;
        for (SignedNote note : notes) {
            try {
                largest = Math.max(largest, LogCheckpoint.parse(note.body()).size());
            } catch (IllegalArgumentException e) {
                // LogVerifier reports a note that is no checkpoint as BAD_SIGNATURE
            }
        }
        return largest;
    }

    private void streamExport(Path file, Consumer<LogExportLine> consumer) {
        forEachLine(file, (number, line) -> consumer.accept(LogExportLine.parse(line)));
    }

    private interface LineHandler {
        void handle(int number, String line);
    }

    private static void forEachLine(Path file, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    handler.handle(number, line);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static InclusionProofBundle parseFile(Path file) {
        try {
            return InclusionProofBundle.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable String originOf(SignedNote note) {
        try {
            return LogCheckpoint.parse(note.body()).origin();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isOriginOf(String prefix, String origin) {
        try {
            LogOrigin.parse(prefix, origin);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void problem(String line) {
        problemFound = true;
        out.println("PROBLEM " + line);
    }

    private static String keyText(String value) {
        Path file = Path.of(value);
        if (Files.isRegularFile(file)) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the public key " + file + ": " + e.getMessage(), e);
            }
        }
        return value;
    }

    private static byte[] hmacKey(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set");
        }
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment variable " + variable + " is not base64", e);
        }
    }

    private record ProofFile(String file, InclusionProofBundle bundle) {
    }
}
