package dev.otpkit.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the module's SQL files: the schema of a dialect as a list of statements, and its named
 * statements. Both are plain SQL, readable on their own; {@code --} lines are comments.
 *
 * <p>In the statements file, a line {@code -- name: replay.accept} starts the statement of that
 * name, which runs to the next such line. Parameters are written {@code :name}.
 */
public final class SqlFile {
    private static final String NAME_MARK = "-- name:";

    private SqlFile() {
    }

    /**
     * Returns the statements of a dialect's schema file ({@code V1__otpkit.sql}), each ending
     * where a line ends with {@code ;}, with the prefix applied.
     *
     * @param dialect the dialect
     * @param prefix a checked table prefix
     * @return the statements in file order, without the {@code ;}
     */
    public static List<String> schema(Dialect dialect, String prefix) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(dialect.resourceFolder() + "/V1__otpkit.sql").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(TablePrefix.apply(statement.substring(0, statement.length() - 1), prefix));
                current.setLength(0);
            }
        }
        return statements;
    }

    /**
     * Returns the named statements of a dialect, with the prefix applied.
     *
     * @param dialect the dialect
     * @param prefix a checked table prefix
     * @return the statements by name
     */
    public static Map<String, NamedStatement> statements(Dialect dialect, String prefix) {
        Map<String, NamedStatement> statements = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : (read(dialect.resourceFolder() + "/statements.sql") + "\n" + NAME_MARK).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(NAME_MARK)) {
                if (name != null) {
                    statements.put(name, NamedStatement.parse(name, TablePrefix.apply(body.toString().strip(), prefix)));
                }
                name = trimmed.substring(NAME_MARK.length()).strip();
                body.setLength(0);
            } else if (!trimmed.startsWith("--") && !trimmed.isEmpty()) {
                body.append(line).append('\n');
            }
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = SqlFile.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("otp-jdbc is missing its resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read otp-jdbc's resource " + resource, e);
        }
    }
}
