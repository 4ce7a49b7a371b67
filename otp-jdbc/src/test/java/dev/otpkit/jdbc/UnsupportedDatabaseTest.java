package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;


import dev.otpkit.core.StoreException;
import dev.otpkit.jdbc.internal.DialectTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A database otp-jdbc does not support is refused at first use, saying what is supported. */
class UnsupportedDatabaseTest {
    @Test
    void refusesAnUnknownDatabaseWithAClearMessage() {
        DataSource oracle = dataSourceReporting("Oracle", "Oracle Database 23ai Free Release 23.0.0.0.0");
        StoreException refused = assertThrows(StoreException.class,
                () -> JdbcReplayGuard.builder(oracle).build().hasAccepted("a", "", 1));
        assertEquals("JdbcReplayGuard: otp-jdbc supports PostgreSQL 13 or newer, MySQL 8 or newer, MariaDB 10.6 or"
                + " newer, H2 2.x; the DataSource is Oracle Oracle Database 23ai Free Release 23.0.0.0.0",
                refused.getMessage());
        assertThrows(StoreException.class, () -> OtpkitSchema.create(oracle));
    }

    /** A real H2 connection whose metadata names another product. */
    private static DataSource dataSourceReporting(String product, String version) {
        return (DataSource) Proxy.newProxyInstance(UnsupportedDatabaseTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Connection h2 = DriverManager.getConnection("jdbc:h2:mem:unsupported", "sa", "");
                    return Proxy.newProxyInstance(UnsupportedDatabaseTest.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (connection, call, callArgs) -> {
                                if (call.getName().equals("getMetaData")) {
                                    return DialectTest.metaData(product, version, 23, 0, h2.getMetaData());
                                }
                                try {
                                    return call.invoke(h2, callArgs);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}
