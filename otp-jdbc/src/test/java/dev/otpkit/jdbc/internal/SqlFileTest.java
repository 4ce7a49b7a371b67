package dev.otpkit.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlFileTest {
    @Test
    void turnsNamedParametersIntoPlaceholdersInOrder() {
        NamedStatement statement = NamedStatement.parse("s",
                "UPDATE t SET a = :a_1, b = ':not' || x::text WHERE c = :c AND d = :a_1");
        assertEquals("UPDATE t SET a = ?, b = ':not' || x::text WHERE c = ? AND d = ?", statement.sql());
        assertEquals(List.of("a_1", "c", "a_1"), statement.parameters());
    }

    @Test
    void replacesThePrefixOnlyWhereANameStarts() {
        assertEquals("SELECT x_a.b FROM x_t JOIN my_otpkit_t ON 1 = 1",
                TablePrefix.apply("SELECT otpkit_a.b FROM otpkit_t JOIN my_otpkit_t ON 1 = 1", "x_"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyDialectNamesTheStatementsItsStoresRun(Dialect dialect) {
        Set<String> common = Set.of("replay.accept", "replay.has_accepted", "replay.purge", "limiter.count_failure",
                "limiter.read_lock", "limiter.clear", "code.put", "code.remove", "code.purge", "backup.lock_set",
                "backup.delete_all", "backup.insert", "backup.hashes", "backup.remove", "credential.save",
                "credential.find", "credential.delete", "enrollment.save", "enrollment.find", "enrollment.consume",
                "enrollment.purge");
        Set<String> expected = new TreeSet<>(common);
        if (!dialect.hasConditionalUpsert()) {
            expected.addAll(Set.of("replay.insert", "limiter.insert_first_failure"));
        }
        expected.addAll(dialect.updateReturnsRows() ? Set.of("code.claim")
                : Set.of("code.count_attempt", "code.read_claimed"));
        if (dialect.startsLocksApart()) {
            expected.add("limiter.count_locking_failure");
        }
        Map<String, NamedStatement> statements = SqlFile.statements(dialect, "p_");
        assertEquals(expected, new TreeSet<>(statements.keySet()));
        for (NamedStatement statement : statements.values()) {
            assertFalse(statement.sql().contains("otpkit_"), statement.name());
            assertFalse(statement.sql().contains(":"), statement.name() + " has an unbound parameter");
            assertFalse(statement.sql().contains("--"), statement.name() + " kept a comment");
            assertFalse(statement.sql().toLowerCase(java.util.Locale.ROOT).contains("now()"),
                    statement.name() + " reads the database's clock");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void schemaNamesEveryTableAndIndexWithThePrefix(Dialect dialect) {
        List<String> schema = SqlFile.schema(dialect, "p_");
        assertTrue(schema.size() >= 7, "one statement per table at least");
        for (String statement : schema) {
            assertTrue(statement.startsWith("CREATE TABLE IF NOT EXISTS p_")
                    || statement.startsWith("CREATE INDEX IF NOT EXISTS p_"), statement);
            assertFalse(statement.contains("otpkit_"), statement);
        }
    }
}
