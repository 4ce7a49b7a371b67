package dev.otpkit.demo.account;

import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** The demo's accounts, in its table {@code demo_users}; the username is the account id everywhere. */
@Repository
public class Users implements UserDetailsService {
    private final JdbcClient jdbc;
    private final Clock clock;

    Users(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An account as the pages show it; no password hash. */
    public record Account(String username, String email, String phone) {
    }

    /**
     * Adds an account.
     *
     * @return false if the username is taken
     */
    boolean create(String username, String email, String phone, String passwordHash) {
        try {
            jdbc.sql("INSERT INTO demo_users (username, email, phone, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(username, email, phone, passwordHash, clock.millis()).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The account of a username, if there is one. */
    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT username, email, phone FROM demo_users WHERE username = ?").param(username)
                .query((row, n) -> new Account(row.getString(1), row.getString(2), row.getString(3))).optional();
    }

    void changeEmail(String username, String email) {
        jdbc.sql("UPDATE demo_users SET email = ? WHERE username = ?").params(email, username).update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash FROM demo_users WHERE username = ?")
                .param(SignUpForm.normalizeUsername(username))
                .query((row, n) -> User.withUsername(row.getString(1)).password(row.getString(2)).roles("USER")
                        .build())
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
