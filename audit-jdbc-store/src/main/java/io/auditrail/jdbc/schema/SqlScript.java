package io.auditrail.jdbc.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A shipped DDL file with its {@code ${name}} placeholders filled in, split into statements.
 * The files stay plain SQL, so a Flyway or Liquibase user can copy them into a migration.
 * Function, trigger and procedure bodies contain semicolons, so a statement ends at a line
 * ending in ";" only outside a {@code $$} body and outside a {@code BEGIN ... END;} block.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /**
     * Reads a script from the classpath and splits it.
     *
     * @param resource absolute classpath resource name
     * @param placeholders values by placeholder name, without {@code ${}}
     * @return the statements, without their closing ";", comment-only lines dropped
     * @throws IllegalStateException when the resource is missing
     */
    public static List<String> statements(String resource, Map<String, String> placeholders) {
        String sql = load(resource);
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            sql = sql.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        return split(sql);
    }

    static List<String> split(String sql) {
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
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }
}
