package dev.otpkit.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Detection from what drivers report. The real drivers are exercised by every store test; this
 * table covers the products and versions the tests have no server of.
 */
public class DialectTest {
    @ParameterizedTest
    @CsvSource({
        "PostgreSQL, 13.0, 13, 0, POSTGRESQL",
        "PostgreSQL, 12.18, 12, 18, ",
        "PostgreSQL, 17.2, 17, 2, POSTGRESQL",
        "MySQL, 8.0.36, 8, 0, MYSQL",
        "MySQL, 5.7.44, 5, 7, ",
        "MariaDB, 10.6.16-MariaDB, 10, 6, MYSQL",
        "MariaDB, 10.5.23-MariaDB, 10, 5, ",
        "MariaDB, 11.4.2-MariaDB, 11, 4, MYSQL",
        "MySQL, 5.5.5-10.11.6-MariaDB-0+deb12u1, 5, 5, MYSQL",
        "MySQL, 5.5.5-10.4.32-MariaDB, 5, 5, ",
        "H2, 2.4.240 (2025-09-22), 2, 4, H2",
        "H2, 1.4.200 (2019-10-14), 1, 4, ",
        "Oracle, Oracle Database 23ai, 23, 0, ",
        "Microsoft SQL Server, 16.00.4135, 16, 0, ",
        "SQLite, 3.45.1, 3, 45, ",
    })
    void detectsSupportedProductsAndVersionsOnly(String product, String version, int major, int minor,
            Dialect expected) throws SQLException {
        assertEquals(Optional.ofNullable(expected), Dialect.detect(metaData(product, version, major, minor, null)));
    }

    /**
     * Metadata that reports a product and version and passes every other call to {@code real}.
     *
     * @param real the metadata of a real connection, or null where nothing else is asked
     */
    public static DatabaseMetaData metaData(String product, String version, int major, int minor,
            DatabaseMetaData real) {
        return (DatabaseMetaData) Proxy.newProxyInstance(DialectTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getDatabaseProductName":
                            return product;
                        case "getDatabaseProductVersion":
                            return version;
                        case "getDatabaseMajorVersion":
                            return major;
                        case "getDatabaseMinorVersion":
                            return minor;
                        default:
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }
}
