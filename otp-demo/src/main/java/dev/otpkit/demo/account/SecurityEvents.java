package dev.otpkit.demo.account;

import dev.otpkit.core.SecurityEvent;
import dev.otpkit.demo.login.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The security events of each account, in the demo's table {@code demo_security_events}: otpkit's
 * (failed codes, locks, backup codes used, new authenticators), heard as Spring application
 * events, and the demo's own (email changed, backup codes renewed). In the database, so that they
 * survive a restart and every instance shows the same.
 */
@Repository
public class SecurityEvents {
    /** The demo's own kind: the account's email address changed. */
    static final String EMAIL_CHANGED = "EMAIL_CHANGED";
    /** The demo's own kind: a new set of backup codes replaced the old. */
    static final String BACKUP_CODES_RENEWED = "BACKUP_CODES_RENEWED";
    private static final int SHOWN = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    SecurityEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An event as the page shows it.
     *
     * @param kind otpkit's {@code SecurityEvent.Kind} name, or one of the demo's
     * @param time when, formatted
     * @param text what happened, in a sentence
     */
    public record Shown(String kind, String time, String text) {
    }

    /** Records one of otpkit's events; Spring calls it on the checking thread. */
    @EventListener
    void on(SecurityEvent event) {
        insert(event.accountId(), event.kind().name(), event.time(), event.lockedUntil().orElse(null),
                event.remainingBackupCodes().isPresent() ? event.remainingBackupCodes().getAsInt() : null);
    }

    /** Records one of the demo's own events, now. */
    void record(String username, String kind) {
        insert(username, kind, clock.instant(), null, null);
    }

    private void insert(String username, String kind, Instant at, Instant until, Integer remaining) {
        // An account locked "until reset" has Instant.MAX, beyond any millisecond count.
        Long untilMillis = until == null ? null : until.equals(Instant.MAX) ? Long.MAX_VALUE : until.toEpochMilli();
        jdbc.sql("INSERT INTO demo_security_events (username, kind, at_millis, until_millis, remaining)"
                + " VALUES (?, ?, ?, ?, ?)").params(username, kind, at.toEpochMilli(), untilMillis, remaining).update();
    }

    /**
     * The account's latest events, newest first.
     *
     * @param username the account
     * @return at most 50 events
     */
    public List<Shown> latest(String username) {
        return jdbc.sql("SELECT kind, at_millis, until_millis, remaining FROM demo_security_events WHERE username = ?"
                        + " ORDER BY at_millis DESC, id DESC FETCH FIRST " + SHOWN + " ROWS ONLY")
                .param(username)
                .query((row, n) -> shown(row.getString(1), row.getLong(2), row.getObject(3, Long.class),
                        row.getObject(4, Integer.class)))
                .list();
    }

    private static Shown shown(String kind, long at, Long until, Integer remaining) {
        String text = switch (kind) {
            case "SECOND_FACTOR_FAILED" -> "A wrong code was entered.";
            case "CODE_REPLAYED" -> "A code was used a second time.";
            case "ACCOUNT_LOCKED" -> "Sign-in with codes was locked until " + lockEnd(until) + ".";
            case "BACKUP_CODE_USED" -> "A backup code was used; " + remaining + " left.";
            case "CREDENTIAL_ENROLLED" -> "A new authenticator app was set up.";
            case "SEALED_SECRET_REJECTED" -> "A stored secret failed its integrity check.";
            case EMAIL_CHANGED -> "The email address was changed.";
            case BACKUP_CODES_RENEWED -> "New backup codes were made; the old ones no longer work.";
            default -> kind;
        };
        return new Shown(kind, Texts.DATE_TIME.format(Instant.ofEpochMilli(at)), text);
    }

    private static String lockEnd(Long until) {
        if (until == null || until == Long.MAX_VALUE) {
            return "it is reset";
        }
        return Texts.DATE_TIME.format(Instant.ofEpochMilli(until));
    }
}
