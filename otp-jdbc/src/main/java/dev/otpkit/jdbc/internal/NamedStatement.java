package dev.otpkit.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a dialect's statements file: its JDBC text, where each {@code :name} became
 * {@code ?}, and the parameter name of each {@code ?} in order. Immutable.
 */
public final class NamedStatement {
    private final String name;
    private final String sql;
    private final List<String> parameters;

    private NamedStatement(String name, String sql, List<String> parameters) {
        this.name = name;
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
    }

    /**
     * Turns {@code :name} parameters into {@code ?}. A {@code :} inside a quoted literal or
     * after another {@code :} (a PostgreSQL cast) is left alone.
     *
     * @param name the statement's name
     * @param text the statement with named parameters
     * @return the parsed statement
     */
    static NamedStatement parse(String name, String text) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> parameters = new ArrayList<>();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            boolean parameter = !quoted && c == ':' && i + 1 < text.length() && isNameStart(text.charAt(i + 1))
                    && (i == 0 || text.charAt(i - 1) != ':');
            if (!parameter) {
                sql.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isNamePart(text.charAt(end))) {
                end++;
            }
            parameters.add(text.substring(i + 1, end));
            sql.append('?');
            i = end;
        }
        return new NamedStatement(name, sql.toString(), parameters);
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    /**
     * Returns the statement's name in its file.
     *
     * @return for example {@code "replay.accept"}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the text to prepare.
     *
     * @return SQL with {@code ?} placeholders
     */
    public String sql() {
        return sql;
    }

    /**
     * Returns the name of each placeholder, in order; a name may repeat.
     *
     * @return the parameter names
     */
    public List<String> parameters() {
        return parameters;
    }
}
