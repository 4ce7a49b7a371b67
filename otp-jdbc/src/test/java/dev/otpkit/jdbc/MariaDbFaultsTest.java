package dev.otpkit.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The faults on a MariaDB server of this class's own, killed with KILL CONNECTION and SIGKILL. */
class MariaDbFaultsTest extends DatabaseFaultsContract {
    private static MariaDbServer server;

    @BeforeAll
    static void startOwnServer() throws SQLException {
        server = MariaDbServer.start();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(""), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE otpkit");
        }
    }

    @AfterAll
    static void stopOwnServer() {
        server.close();
    }

    @Override
    String jdbcUrl() {
        return server.jdbcUrl("otpkit");
    }

    @Override
    String user() {
        return "root";
    }

    @Override
    void killApplicationConnections(Connection admin) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM information_schema.processlist"
                        + " WHERE id <> CONNECTION_ID() AND command <> 'Daemon' AND user = 'root'")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        for (long id : ids) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("KILL CONNECTION " + id);
            } catch (SQLException gone) {
                // the connection closed on its own meanwhile
            }
        }
    }

    @Override
    void stopServer() {
        server.kill();
    }

    @Override
    void startServer() {
        server.restart();
    }
}
