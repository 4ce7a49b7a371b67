package dev.otpkit.jdbc;

import dev.otpkit.jdbc.internal.Database;
import dev.otpkit.jdbc.internal.TablePrefix;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What every JDBC store's builder holds: the data source and the table prefix.
 *
 * @param <B> the concrete builder, returned by the setters
 */
abstract class StoreBuilder<B extends StoreBuilder<B>> {
    private final DataSource dataSource;
    private String tablePrefix = TablePrefix.DEFAULT;

    StoreBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets the prefix of the store's table names; default {@code "otpkit_"}. Give the prefix
     * given to {@link OtpkitSchema#create(DataSource, String)}.
     *
     * @param tablePrefix 1 to 30 characters of {@code a-z 0-9 _}, starting with a letter
     * @return this builder
     * @throws NullPointerException if {@code tablePrefix} is null
     * @throws IllegalArgumentException if it is not such a prefix
     */
    public B tablePrefix(String tablePrefix) {
        this.tablePrefix = TablePrefix.check(tablePrefix);
        return self();
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    final Database database(String store) {
        return new Database(dataSource, tablePrefix, store);
    }
}
