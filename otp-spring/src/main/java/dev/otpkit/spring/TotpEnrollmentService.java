package dev.otpkit.spring;

import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.EnrollmentConfirmation;
import dev.otpkit.core.Enrollments;
import dev.otpkit.core.PendingEnrollment;
import dev.otpkit.core.Verification;
import dev.otpkit.qr.QrCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Enrolment of a TOTP authenticator for a signed-in account: pending, then confirmed with the
 * first code of the user's app, then active, with a new set of backup codes shown once. The
 * pending enrolment lives in the {@link TotpCredentialRepository}, so a reload shows the same
 * QR code until it expires, and any server can confirm it. Thread-safe.
 */
public final class TotpEnrollmentService {
    private final Enrollments enrollments;
    private final TotpCredentialRepository credentials;
    private final BackupCodes backupCodes;
    private final String issuer;
    private final Clock clock;

    private TotpEnrollmentService(Builder builder) {
        this.enrollments = builder.enrollments;
        this.credentials = builder.credentials;
        this.backupCodes = builder.backupCodes;
        this.issuer = builder.issuer;
        this.clock = builder.clock;
    }

    /**
     * Starts a builder.
     *
     * @param enrollments confirms enrolments (through the login verifier, so that confirmations
     *     count towards the account's lock)
     * @param credentials where pending enrolments and active credentials live
     * @return a new builder
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(Enrollments enrollments, TotpCredentialRepository credentials) {
        return new Builder(enrollments, credentials);
    }

    /**
     * Starts an enrolment, or resumes the account's pending one if it has not expired.
     *
     * @param accountId the account (the key of its credential)
     * @param accountName what the user's app shows under the issuer, such as an email address
     * @return the pending enrolment and its QR code
     * @throws NullPointerException if an argument is null
     * @throws dev.otpkit.core.StoreException if the repository fails
     */
    public Start start(String accountId, String accountName) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accountName, "accountName");
        Instant now = clock.instant();
        PendingEnrollment pending = credentials.pending(accountId).filter(p -> now.isBefore(p.expiresAt()))
                .orElseGet(() -> {
                    PendingEnrollment started = enrollments.start(accountId, issuer, accountName);
                    credentials.savePending(started);
                    return started;
                });
        return new Start(pending, QrCode.from(pending.uri()).dataUri());
    }

    /**
     * Confirms the account's pending enrolment with a code from the user's app; if valid, the
     * credential becomes active and a new set of backup codes (if configured) replaces the old.
     *
     * @param accountId the account
     * @param code the code as typed; any content, including {@code null}
     * @return the outcome, with the backup codes to show once if valid
     * @throws NullPointerException if {@code accountId} is null
     * @throws dev.otpkit.core.StoreException if a store fails
     */
    public Confirmation confirm(String accountId, CharSequence code) {
        Objects.requireNonNull(accountId, "accountId");
        Optional<PendingEnrollment> pending = credentials.pending(accountId);
        if (pending.isEmpty()) {
            return new Confirmation(Verification.Status.EXPIRED, Optional.empty(), List.of());
        }
        EnrollmentConfirmation result = enrollments.confirm(pending.get(), code);
        if (!result.isValid()) {
            return new Confirmation(result.status(), result.retryAfter(), List.of());
        }
        if (!credentials.activate(result.credential().orElseThrow())) {
            return new Confirmation(Verification.Status.ALREADY_CONFIRMED, Optional.empty(), List.of());
        }
        List<String> codes = backupCodes == null ? List.of() : backupCodes.generate(accountId).codes();
        return new Confirmation(Verification.Status.VALID, Optional.empty(), codes);
    }

    /**
     * Describes the service.
     *
     * @return the issuer and the services it uses; no secret
     */
    @Override
    public String toString() {
        return "TotpEnrollmentService[issuer " + issuer + ", " + enrollments + ", " + credentials + "]";
    }

    /**
     * A started (or resumed) enrolment.
     *
     * @param pending the enrolment; its secret is for the user's app only
     * @param qrDataUri the {@code otpauth://} URI as a PNG {@code data:} URI, for an {@code img}
     */
    public record Start(PendingEnrollment pending, String qrDataUri) {
        /**
         * Describes the enrolment without its secret or QR code.
         *
         * @return the pending enrolment's description
         */
        @Override
        public String toString() {
            return "Start[" + pending + "]";
        }
    }

    /**
     * The outcome of a confirmation.
     *
     * @param status {@code VALID} if the credential is now active; otherwise why not
     *     ({@code EXPIRED} also when nothing was pending)
     * @param retryAfter when to retry, if the account is locked
     * @param backupCodes the new backup codes to show once; empty unless valid and configured
     */
    public record Confirmation(Verification.Status status, Optional<Instant> retryAfter, List<String> backupCodes) {
        /**
         * Whether the credential is now active.
         *
         * @return {@code status() == VALID}
         */
        public boolean isValid() {
            return status == Verification.Status.VALID;
        }

        /**
         * Describes the outcome without the backup codes.
         *
         * @return the status and the number of codes
         */
        @Override
        public String toString() {
            return "Confirmation[" + status + ", " + backupCodes.size() + " backup codes]";
        }
    }

    /** Builds a {@link TotpEnrollmentService}. */
    public static final class Builder {
        private final Enrollments enrollments;
        private final TotpCredentialRepository credentials;
        private BackupCodes backupCodes;
        private String issuer = "otpkit";
        private Clock clock = Clock.systemUTC();

        private Builder(Enrollments enrollments, TotpCredentialRepository credentials) {
            this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        /**
         * Sets the service name the user's app shows; default {@code "otpkit"}.
         *
         * @param issuer 1 to 100 chars, no ':'
         * @return this builder
         * @throws IllegalArgumentException if empty, longer than 100 chars, or holding ':'
         */
        public Builder issuer(String issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (issuer.isEmpty() || issuer.length() > 100 || issuer.indexOf(':') >= 0) {
                throw new IllegalArgumentException("issuer must be 1 to 100 chars without ':'");
            }
            this.issuer = issuer;
            return this;
        }

        /**
         * Makes a new set of backup codes at each confirmed enrolment; default none.
         *
         * @param backupCodes the service
         * @return this builder
         * @throws NullPointerException if {@code backupCodes} is null
         */
        public Builder backupCodes(BackupCodes backupCodes) {
            this.backupCodes = Objects.requireNonNull(backupCodes, "backupCodes");
            return this;
        }

        /**
         * Sets the clock that tells whether a pending enrolment expired; use the login
         * verifier's. Default: the system clock.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         */
        public TotpEnrollmentService build() {
            return new TotpEnrollmentService(this);
        }
    }
}
