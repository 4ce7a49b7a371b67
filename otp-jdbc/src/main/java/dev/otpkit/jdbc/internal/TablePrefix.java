package dev.otpkit.jdbc.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The table prefix: checked once, then put in place of {@code otpkit_} in the SQL files, which
 * name every table and index with that default prefix (so that Flyway can run the schema files
 * as they are).
 */
public final class TablePrefix {
    /** The prefix unless set. */
    public static final String DEFAULT = "otpkit_";
    /**
     * Longest prefix: 30 characters, so that the longest name with it (the prefix and
     * {@code pending_enrollment_expires_idx}) stays within PostgreSQL's 63 and MySQL's 64.
     */
    public static final int MAX_LENGTH = 30;

    private static final Pattern ALLOWED = Pattern.compile("[a-z][a-z0-9_]{0," + (MAX_LENGTH - 1) + "}");
    /** The default prefix where it starts a name; never inside a longer word. */
    private static final Pattern IN_SQL = Pattern.compile("(?<![A-Za-z0-9_])" + DEFAULT);

    private TablePrefix() {
    }

    /**
     * Checks a prefix.
     *
     * @param prefix the prefix
     * @return the prefix
     * @throws NullPointerException if {@code prefix} is null
     * @throws IllegalArgumentException if it is not 1 to 30 of {@code a-z 0-9 _} starting with a letter
     */
    public static String check(String prefix) {
        Objects.requireNonNull(prefix, "tablePrefix");
        if (!ALLOWED.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be 1 to " + MAX_LENGTH
                    + " characters of a-z, 0-9 and '_', starting with a letter, such as \"" + DEFAULT + "\"");
        }
        return prefix;
    }

    /**
     * Puts a checked prefix in place of the default one in SQL text.
     *
     * @param sql SQL from one of the module's files
     * @param prefix a prefix that passed {@link #check}
     * @return the SQL naming the prefixed tables
     */
    static String apply(String sql, String prefix) {
        return IN_SQL.matcher(sql).replaceAll(prefix);
    }
}
