package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class OtpkitSchemaTest {
    private static final Set<String> TABLES = Set.of("replay_guard", "attempt_limiter", "one_time_code",
            "backup_code_set", "backup_code", "totp_credential", "pending_enrollment");

    @Parameter
    TestDatabase database;

    @Test
    void createsEveryTableUnderThePrefix() throws SQLException {
        String prefix = database.freshTables();
        Set<String> expected = new TreeSet<>();
        TABLES.forEach(table -> expected.add(prefix + table));
        assertEquals(expected, tablesStartingWith(database.shared(), prefix));
    }

    @Test
    void isIdempotent() throws SQLException {
        String prefix = database.freshTables();
        assertDoesNotThrow(() -> OtpkitSchema.create(database.shared(), prefix));
        assertEquals(TABLES.size(), tablesStartingWith(database.shared(), prefix).size());
    }

    @Test
    void refusesPrefixThatIsNotAnIdentifier() {
        DataSource dataSource = database.shared();
        for (String prefix : new String[] {"", "1abc", "Otp_", "otp-", "otp_; DROP TABLE x", "a".repeat(31)}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> OtpkitSchema.create(dataSource, prefix));
            assertTrue(refused.getMessage().contains("tablePrefix must be 1 to 30 characters"), refused.getMessage());
        }
    }

    @Test
    void acceptsLongestPrefix() throws SQLException {
        String longest = (database.freshTables() + "x".repeat(30)).substring(0, 30);
        OtpkitSchema.create(database.shared(), longest);
        assertEquals(TABLES.size(), tablesStartingWith(database.shared(), longest).size());
    }

    private static Set<String> tablesStartingWith(DataSource dataSource, String prefix) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet result = metaData.getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (result.next()) {
                    String name = result.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (name.startsWith(prefix)) {
                        tables.add(name);
                    }
                }
            }
        }
        return tables;
    }
}
