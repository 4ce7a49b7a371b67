package dev.otpkit.jdbc.internal;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL dialects the stores speak, each with its statements in
 * {@code db/otpkit/<name>/statements.sql} and its schema in {@code db/otpkit/<name>/V1__otpkit.sql}.
 * MySQL and MariaDB share one dialect: its statements use only what both have.
 */
public enum Dialect {
    /** PostgreSQL 13 or newer: conditional upserts and {@code RETURNING}. */
    POSTGRESQL("postgresql", true, true, true),
    /** MySQL 8 or newer and MariaDB 10.6 or newer: neither of those, so a few more statements. */
    MYSQL("mysql", false, false, true),
    /** H2 2.x: conditional upserts ({@code MERGE ... USING}) and {@code FINAL TABLE}. */
    H2("h2", true, true, false);

    /** What {@link #detect} accepts, for messages. */
    public static final String SUPPORTED = "PostgreSQL 13 or newer, MySQL 8 or newer, MariaDB 10.6 or newer, H2 2.x";

    /** MariaDB's version as some drivers report it, such as {@code 5.5.5-10.11.6-MariaDB}. */
    private static final Pattern MARIADB_VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.\\d+-MariaDB.*");

    private final String directory;
    private final boolean conditionalUpsert;
    private final boolean updateReturnsRows;
    private final boolean startsLocksApart;

    Dialect(String directory, boolean conditionalUpsert, boolean updateReturnsRows, boolean startsLocksApart) {
        this.directory = directory;
        this.conditionalUpsert = conditionalUpsert;
        this.updateReturnsRows = updateReturnsRows;
        this.startsLocksApart = startsLocksApart;
    }

    /**
     * Tells the dialect of a database from its connection's metadata.
     *
     * @param metaData the connection's metadata
     * @return the dialect, or empty if the product or its version is not supported
     * @throws SQLException if the driver cannot tell
     */
    public static Optional<Dialect> detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        String version = metaData.getDatabaseProductVersion();
        int major = metaData.getDatabaseMajorVersion();
        int minor = metaData.getDatabaseMinorVersion();
        Matcher mariaDb = MARIADB_VERSION.matcher(version);
        if (mariaDb.matches()) {
            // MySQL's own driver names MariaDB "MySQL" and may report 5.5.5 as its version.
            major = Integer.parseInt(mariaDb.group(1));
            minor = Integer.parseInt(mariaDb.group(2));
            product = "mariadb";
        }
        switch (product) {
            case "postgresql":
                return supportedFrom(major >= 13, POSTGRESQL);
            case "mysql":
                return supportedFrom(major >= 8, MYSQL);
            case "mariadb":
                return supportedFrom(major > 10 || major == 10 && minor >= 6, MYSQL);
            case "h2":
                return supportedFrom(major >= 2, H2);
            default:
                return Optional.empty();
        }
    }

    private static Optional<Dialect> supportedFrom(boolean recentEnough, Dialect dialect) {
        return recentEnough ? Optional.of(dialect) : Optional.empty();
    }

    /**
     * Returns the folder of the dialect's SQL files.
     *
     * @return for example {@code "db/otpkit/postgresql"}
     */
    public String resourceFolder() {
        return "db/otpkit/" + directory;
    }

    /**
     * Tells whether one statement both inserts a missing row and updates an existing one only if a
     * condition holds, with a row count that tells whether either happened: PostgreSQL's
     * {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE}, H2's
     * {@code MERGE ... USING ... WHEN MATCHED AND ... WHEN NOT MATCHED}. Elsewhere a conditional
     * {@code UPDATE} and an {@code INSERT} do it.
     *
     * @return {@code true} for PostgreSQL and H2
     */
    public boolean hasConditionalUpsert() {
        return conditionalUpsert;
    }

    /**
     * Tells whether one statement can update a row and return it ({@code UPDATE ... RETURNING},
     * {@code SELECT ... FROM FINAL TABLE (UPDATE ...)}). Elsewhere an {@code UPDATE} and a
     * {@code SELECT} run in one transaction.
     *
     * @return {@code true} for PostgreSQL and H2
     */
    public boolean updateReturnsRows() {
        return updateReturnsRows;
    }

    /**
     * Tells whether the failure that starts a lock is counted by a statement of its own
     * ({@code limiter.count_locking_failure}), run when {@code limiter.count_failure}, which
     * counts only failures that start no lock, declined the attempt. H2's one {@code MERGE} has a
     * clause for each. PostgreSQL's {@code ON CONFLICT DO UPDATE} has room for one condition: one
     * statement with a {@code CASE} per column for both kinds of failure cost it a tenth or more
     * of its throughput at 32 threads, for every failure, to save a statement on one failure in
     * five.
     *
     * @return {@code true} for PostgreSQL, MySQL and MariaDB
     */
    public boolean startsLocksApart() {
        return startsLocksApart;
    }
}
