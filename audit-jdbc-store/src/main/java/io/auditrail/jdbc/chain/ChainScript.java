package io.auditrail.jdbc.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shipped chain DDL ({@code chain-<dialect>.sql}) with names filled in, split into
 * statements. Function, trigger and procedure bodies contain semicolons, so a statement ends
 * at a line ending in ";" only outside a {@code $$} body and outside a {@code BEGIN} block.
 */
final class ChainScript {

    private ChainScript() {
    }

    static List<String> statements(ChainTables tables, String functionPrefix) {
        String sql = load("/io/auditrail/jdbc/schema/v1/chain-" + tables.dialectName() + ".sql")
                .replace("${table}", tables.events().qualified())
                .replace("${name}", tables.events().name())
                .replace("${heads}", tables.heads().qualified())
                .replace("${checkpoints_name}", tables.checkpoints().name())
                .replace("${checkpoints}", tables.checkpoints().qualified())
                .replace("${prefix}", functionPrefix);
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inDollarBody = false;
        int blockDepth = 0;
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            if (line.split("\\$\\$", -1).length % 2 == 0) {
                inDollarBody = !inDollarBody;
            }
            String upper = trimmed.toUpperCase(Locale.ROOT);
            if (upper.equals("BEGIN")) {
                blockDepth++;
            } else if (upper.equals("END;") && blockDepth > 0) {
                blockDepth--;
            }
            if (trimmed.endsWith(";") && !inDollarBody && blockDepth == 0) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static String load(String resource) {
        try (InputStream in = ChainScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("chain schema resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chain schema resource " + resource, e);
        }
    }
}
