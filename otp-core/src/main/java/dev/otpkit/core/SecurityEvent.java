package dev.otpkit.core;

import dev.otpkit.core.internal.VisibleText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something a service did that an application must react to: an account locked, a code
 * replayed, a wrong second factor, a backup code used, an authenticator enrolled, a sealed
 * secret refused. Given to the {@link SecurityEventListener} of the service, after the service
 * has recorded the outcome. Immutable and thread-safe; compared by value.
 *
 * <p>An event carries the account, the kind and the time, and for two kinds one more number:
 * the {@linkplain #lockedUntil() end of the lock} and the
 * {@linkplain #remainingBackupCodes() backup codes left}. Never a code, a secret or a sealed
 * text, so an event may be logged or sent as it is.
 *
 * <p>otpkit's services make events; the factories are public so that an application can test
 * its listener, or an SPI implementation of its own can raise the events it detects, without
 * driving a service into that state.
 */
public final class SecurityEvent {

    /**
     * What happened. Each constant says which service reports it and when; no service reports
     * an event for input that is not a code ({@link Verification.Status#MALFORMED}), a refusal
     * that checked nothing ({@link Verification.Status#LOCKED},
     * {@link Verification.Status#UNAVAILABLE}, {@link Verification.Status#EXPIRED},
     * {@link Verification.Status#ALREADY_CONFIRMED}), or a check without an account
     * ({@code TotpVerifier.verify(OtpSecret, CharSequence)},
     * {@code HotpVerifier.verify(OtpSecret, CharSequence, long)}). One check reports at most
     * two events: the failure, then {@link #ACCOUNT_LOCKED} if that failure started a lock.
     */
    public enum Kind {
        /**
         * This attempt's failure started a lock of the account; {@link SecurityEvent#lockedUntil()}
         * tells until when ({@link Instant#MAX} when only the application can unlock it).
         * Reported once per lock, right after the {@link #SECOND_FACTOR_FAILED} or
         * {@link #CODE_REPLAYED} event of the attempt that started it, by the account-aware
         * checks of {@link TotpVerifier} and {@link HotpVerifier}, by
         * {@link Enrollments#confirm} and by otp-backup's {@code BackupCodes.verify}: whichever
         * made the attempt that the {@link AttemptLimiter} answered with
         * {@link AttemptLimiter.Attempt#proceedAndLock(Instant)}. Not reported by
         * {@link OneTimeCodes}, which burns a code after its last wrong try but locks no account,
         * nor when a later attempt is refused as {@link Verification.Status#LOCKED}.
         */
        ACCOUNT_LOCKED,
        /**
         * A right code was refused because it had been accepted before
         * ({@link Verification.Status#REPLAYED}): someone else may hold the user's code. Reported
         * by the account-aware checks of {@link TotpVerifier} and {@link HotpVerifier}, by
         * {@link Enrollments#confirm}, and by {@link OneTimeCodes#verify} (where only a
         * concurrent second use can be told from an expired code).
         */
        CODE_REPLAYED,
        /**
         * A well-formed code was wrong ({@link Verification.Status#INVALID}). In a login after
         * the password step, whoever typed it knows the password. Reported by the account-aware
         * checks of {@link TotpVerifier} and {@link HotpVerifier} (including
         * {@link HotpVerifier#resynchronize}), by {@link Enrollments#confirm}, by
         * {@link OneTimeCodes#verify} and by otp-backup's {@code BackupCodes.verify}.
         */
        SECOND_FACTOR_FAILED,
        /**
         * A backup code was accepted and used up; {@link SecurityEvent#remainingBackupCodes()}
         * tells how many the account has left. Reported by otp-backup's {@code BackupCodes.verify}.
         */
        BACKUP_CODE_USED,
        /**
         * A new authenticator was confirmed ({@link Verification.Status#VALID} from
         * {@link Enrollments#confirm}); the user should hear of it from a channel the attacker
         * may not hold.
         */
        CREDENTIAL_ENROLLED,
        /**
         * {@link SecretSealer#unseal} refused a sealed text that failed authentication
         * ({@link UnsealException.Reason#NOT_AUTHENTIC}): it was altered, copied from another
         * context, or sealed with another key under the same id. The event's
         * {@linkplain SecurityEvent#accountId() account} is the context given to {@code unseal}.
         * Malformed texts and unknown key ids are not reported: they are what a migration from
         * plain secrets or a missing key looks like, and the exception tells the caller.
         */
        SEALED_SECRET_REJECTED
    }

    private final Kind kind;
    private final String accountId;
    private final Instant time;
    /** The end of the lock of an {@link Kind#ACCOUNT_LOCKED} event, else {@code null}. */
    private final Instant lockedUntil;
    /** The codes left after a {@link Kind#BACKUP_CODE_USED} event, else -1. */
    private final int remainingBackupCodes;

    private SecurityEvent(Kind kind, String accountId, Instant time, Instant lockedUntil, int remainingBackupCodes) {
        this.kind = kind;
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.time = Objects.requireNonNull(time, "time");
        this.lockedUntil = lockedUntil;
        this.remainingBackupCodes = remainingBackupCodes;
    }

    /**
     * Makes an event of a kind that carries nothing but the account and the time.
     *
     * @param kind {@link Kind#CODE_REPLAYED}, {@link Kind#SECOND_FACTOR_FAILED},
     *     {@link Kind#CREDENTIAL_ENROLLED} or {@link Kind#SEALED_SECRET_REJECTED}
     * @param accountId the account, as the application names it (for
     *     {@code SEALED_SECRET_REJECTED}, the sealing context)
     * @param time when it happened, from the service's clock
     * @return the event
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code kind} is {@link Kind#ACCOUNT_LOCKED} or
     *     {@link Kind#BACKUP_CODE_USED}, which carry more: use {@link #accountLocked} or
     *     {@link #backupCodeUsed}
     */
    public static SecurityEvent of(Kind kind, String accountId, Instant time) {
        if (Objects.requireNonNull(kind, "kind") == Kind.ACCOUNT_LOCKED || kind == Kind.BACKUP_CODE_USED) {
            throw new IllegalArgumentException(kind + " events carry more than the account and the time:"
                    + " make them with accountLocked(...) or backupCodeUsed(...)");
        }
        return new SecurityEvent(kind, accountId, time, null, -1);
    }

    /**
     * Makes an {@link Kind#ACCOUNT_LOCKED} event.
     *
     * @param accountId the account, as the application names it
     * @param time when the lock started, from the service's clock
     * @param lockedUntil when the account may try again; {@link Instant#MAX} if only the
     *     application can unlock it
     * @return the event
     * @throws NullPointerException if an argument is null
     */
    public static SecurityEvent accountLocked(String accountId, Instant time, Instant lockedUntil) {
        return new SecurityEvent(Kind.ACCOUNT_LOCKED, accountId, time,
                Objects.requireNonNull(lockedUntil, "lockedUntil"), -1);
    }

    /**
     * Makes a {@link Kind#BACKUP_CODE_USED} event.
     *
     * @param accountId the account, as the application names it
     * @param time when the code was used, from the service's clock
     * @param remainingBackupCodes the unused codes the account has left, 0 or more
     * @return the event
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code remainingBackupCodes} is negative
     */
    public static SecurityEvent backupCodeUsed(String accountId, Instant time, int remainingBackupCodes) {
        if (remainingBackupCodes < 0) {
            throw new IllegalArgumentException("remainingBackupCodes must be 0 or more, was " + remainingBackupCodes);
        }
        return new SecurityEvent(Kind.BACKUP_CODE_USED, accountId, time, null, remainingBackupCodes);
    }

    /**
     * Returns the account, as the application named it to the service.
     *
     * @return the account id; for {@link Kind#SEALED_SECRET_REJECTED}, the sealing context
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Returns what happened.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns when it happened, by the clock of the service that reported it.
     *
     * @return the instant
     */
    public Instant time() {
        return time;
    }

    /**
     * Returns until when the account is locked.
     *
     * @return for {@link Kind#ACCOUNT_LOCKED}, the instant from which the account may try again
     *     ({@link Instant#MAX} if only the application can unlock it); empty for every other kind
     */
    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    /**
     * Returns how many unused backup codes the account has left, for a "2 backup codes left"
     * notice.
     *
     * @return for {@link Kind#BACKUP_CODE_USED}, the count, 0 or more; empty for every other kind
     */
    public OptionalInt remainingBackupCodes() {
        return remainingBackupCodes < 0 ? OptionalInt.empty() : OptionalInt.of(remainingBackupCodes);
    }

    /**
     * Compares events by value.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an event of the same kind, account, time and extra value
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SecurityEvent)) {
            return false;
        }
        SecurityEvent that = (SecurityEvent) other;
        return kind == that.kind && accountId.equals(that.accountId) && time.equals(that.time)
                && Objects.equals(lockedUntil, that.lockedUntil) && remainingBackupCodes == that.remainingBackupCodes;
    }

    /**
     * Hashes the event's fields.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(kind, accountId, time, lockedUntil, remainingBackupCodes);
    }

    /**
     * Describes the event for a log line. The account id is quoted, with {@code "} and {@code \}
     * escaped and control, format (bidi, zero-width) and other invisible characters written as
     * <code>&#92;u{XXXX}</code>, so that an account id cannot forge or hide a log line.
     *
     * @return for example {@code "SecurityEvent[ACCOUNT_LOCKED, account \"alice\",
     *     2026-01-01T00:00:00Z, locked until 2026-01-01T00:15:00Z]"}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SecurityEvent[").append(kind).append(", account ")
                .append(VisibleText.quote(accountId)).append(", ").append(time);
        if (lockedUntil != null) {
            text.append(", locked until ").append(Instant.MAX.equals(lockedUntil) ? "reset" : lockedUntil);
        }
        if (remainingBackupCodes >= 0) {
            text.append(", ").append(remainingBackupCodes).append(" backup codes left");
        }
        return text.append(']').toString();
    }
}
