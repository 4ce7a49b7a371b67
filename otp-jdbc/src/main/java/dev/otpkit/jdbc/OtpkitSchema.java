package dev.otpkit.jdbc;

import dev.otpkit.core.StoreException;
import dev.otpkit.jdbc.internal.Database;
import dev.otpkit.jdbc.internal.TablePrefix;
import javax.sql.DataSource;

/**
 * Creates the tables of otpkit's JDBC stores. The same schema ships in the jar as Flyway-style
 * migrations, one folder per dialect ({@code db/otpkit/postgresql/V1__otpkit.sql},
 * {@code db/otpkit/mysql/...}, {@code db/otpkit/h2/...}), for applications that migrate their
 * schema with Flyway or Liquibase instead; those files name the tables with the default prefix.
 */
public final class OtpkitSchema {
    private OtpkitSchema() {
    }

    /**
     * Creates the tables and indexes that are missing, named with the default prefix
     * {@code otpkit_}. Idempotent: tables that exist are left as they are.
     *
     * @param dataSource the database, PostgreSQL 13+, MySQL 8+, MariaDB 10.6+ or H2 2.x; its user
     *     needs the right to create tables
     * @throws NullPointerException if {@code dataSource} is null
     * @throws StoreException if the database is not supported or a statement fails (the
     *     {@code SQLException} is the cause)
     */
    public static void create(DataSource dataSource) {
        create(dataSource, TablePrefix.DEFAULT);
    }

    /**
     * Creates the tables and indexes that are missing, each name starting with
     * {@code tablePrefix} in place of {@code otpkit_}. Idempotent. Servers that start at once may
     * all call it; one that loses a race to create a table fails and can simply call it again.
     *
     * @param dataSource the database, PostgreSQL 13+, MySQL 8+, MariaDB 10.6+ or H2 2.x
     * @param tablePrefix 1 to 30 characters of {@code a-z 0-9 _}, starting with a letter
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the prefix is not such a prefix
     * @throws StoreException if the database is not supported or a statement fails (the
     *     {@code SQLException} is the cause)
     */
    public static void create(DataSource dataSource, String tablePrefix) {
        new Database(dataSource, TablePrefix.check(tablePrefix), "OtpkitSchema").createSchema();
    }
}
