package dev.otpkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC comparison relies on to leave nothing behind: each trial's PostgreSQL database is
 * its own on the run's one server and is dropped when closed, and an H2 trial's folder is
 * deleted when closed.
 */
class DatabaseServerTest {
    @Test
    void givesEachTrialADatabaseOfItsOwnOnTheRunsServerAndDropsItWhenClosed() throws IOException, SQLException {
        try (DatabaseServer server = DatabaseServer.startPostgresql(); HikariDataSource admin = server.pool(1)) {
            DatabaseServer first = DatabaseServer.newDatabaseOn(server.port());
            try (DatabaseServer second = DatabaseServer.newDatabaseOn(server.port())) {
                try (HikariDataSource pool = first.pool(1)) {
                    run(pool, "CREATE TABLE only_in_first (n INTEGER)");
                }
                try (HikariDataSource pool = second.pool(1)) {
                    assertThrows(SQLException.class, () -> run(pool, "SELECT n FROM only_in_first"));
                }
                assertEquals(2, count(admin, "SELECT count(*) FROM pg_database WHERE datname LIKE 'otpkit_bench_%'"));
            }
            first.close();
            assertEquals(0, count(admin, "SELECT count(*) FROM pg_database WHERE datname LIKE 'otpkit_bench_%'"));
        }
    }

    @Test
    void deletesAnH2TrialsFolderWhenClosed() throws SQLException {
        DatabaseServer h2 = DatabaseServer.start(DatabaseServer.H2);
        Path folder = Path.of(h2.jdbcUrl().substring("jdbc:h2:file:".length(), h2.jdbcUrl().indexOf(';'))).getParent();
        try (HikariDataSource pool = h2.pool(1)) {
            run(pool, "CREATE TABLE t (n INTEGER)");
        }
        assertTrue(Files.isDirectory(folder), "the database's folder while open");
        h2.close();
        assertFalse(Files.exists(folder), "the database's folder after close");
    }

    private static void run(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
