package dev.otpkit.core;

import dev.otpkit.core.internal.Base32;
import dev.otpkit.core.internal.SecurityEvents;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Enrolment of a TOTP authenticator in two steps, so that a secret becomes active only once the
 * user has shown that their app computes the right codes. Immutable and thread-safe; stores
 * nothing but which pending enrolments were confirmed, so the application decides where pending
 * enrolments and credentials live.
 *
 * <pre>{@code
 * Enrollments enrollments = Enrollments.builder(loginVerifier).build();
 * PendingEnrollment pending = enrollments.start("user-42", "Example", "alice@example.com");
 * // show pending.uri() as a QR code; keep pending (secret sealed) until the user answers
 * EnrollmentConfirmation result = enrollments.confirm(pending, codeFromTheApp);
 * if (result.isValid()) {
 *     TotpCredential active = result.credential().orElseThrow();   // persist; replaces any older one
 * }
 * }</pre>
 *
 * <p>Confirmation checks the code exactly as a login with the new credential does, through the
 * login verifier's window, clock, replay guard and attempt limiter (see
 * {@link TotpVerifier#verify(TotpCredential, CharSequence)}): failures count towards the
 * account's lock, and the confirming code is remembered under the account and the new
 * credential's id, so that it cannot be replayed at the first login while logins with the
 * account's current credential go on undisturbed. Until a new enrolment is confirmed, the
 * account's current credential keeps working; re-enrolment replaces it only when the
 * application persists the new confirmed credential.
 */
public final class Enrollments {
    /** How long a pending enrolment lasts unless set: 10 minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    /** The longest a pending enrolment may last: 24 hours. */
    public static final Duration MAX_TTL = Duration.ofHours(24);

    private static final int ID_BYTES = 16;
    /**
     * Starts the authenticator id under which a confirmed enrolment is marked, followed by the
     * enrolment's id; no credential or enrolment id may start with it, so a mark never meets a
     * credential's steps even in a guard that logins share.
     */
    static final String CONFIRMATION_PREFIX = "enrollment:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TotpVerifier verifier;
    private final Duration ttl;
    private final Clock clock;
    private final ReplayGuard confirmations;
    private final SecurityEventListener eventListener;

    private Enrollments(Builder builder) {
        this.verifier = builder.verifier;
        this.ttl = builder.ttl;
        this.clock = builder.verifier.clock();
        this.confirmations = builder.confirmations != null ? builder.confirmations
                : ReplayGuard.inMemoryBuilder().clock(clock).build();
        this.eventListener = builder.eventListener != null ? builder.eventListener : builder.verifier.eventListener();
    }

    /**
     * Starts a builder for enrolments confirmed through a login verifier.
     *
     * @param loginVerifier the verifier the application checks logins with; its code parameters
     *     are the default for new enrolments, and its clock, window, replay guard and attempt
     *     limiter check confirmations
     * @return a new builder
     * @throws NullPointerException if {@code loginVerifier} is null
     */
    public static Builder builder(TotpVerifier loginVerifier) {
        return new Builder(Objects.requireNonNull(loginVerifier, "loginVerifier"));
    }

    /**
     * Starts an enrolment with the login verifier's code parameters and a new 160-bit secret.
     *
     * @param accountId the account, as the application names it (the key for the attempt limit)
     * @param issuer the service name the user's app shows, without ':'
     * @param accountName the account name the user's app shows, such as an email address, without ':'
     * @return the pending enrolment, expiring after the configured time to live
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the issuer or account name contains ':' or is empty
     */
    public PendingEnrollment start(String accountId, String issuer, String accountName) {
        return start(accountId, issuer, accountName, verifier.totp());
    }

    /**
     * Starts an enrolment with chosen code parameters and a new 160-bit secret. Check them with
     * {@link CompatibilityWarning#check(Totp)} first: many apps ignore anything but the defaults.
     *
     * @param accountId the account, as the application names it
     * @param issuer the service name the user's app shows, without ':'
     * @param accountName the account name the user's app shows, without ':'
     * @param totp the code parameters; T0 must be the Unix epoch, as URIs cannot carry another
     * @return the pending enrolment, expiring after the configured time to live
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a name is unusable in a URI label or T0 is not the epoch
     */
    public PendingEnrollment start(String accountId, String issuer, String accountName, Totp totp) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(totp, "totp");
        OtpAuthUri uri = OtpAuthUri.builder().secret(OtpSecret.generate()).issuer(issuer).account(accountName)
                .totp(totp).build();
        return PendingEnrollment.restore(newId(), accountId, uri, clock.instant().plus(ttl));
    }

    /**
     * Confirms a pending enrolment with the first code the user's app shows. In order: an
     * expired enrolment is {@link Verification.Status#EXPIRED} whatever the code; an
     * enrolment confirmed before is {@link Verification.Status#ALREADY_CONFIRMED}
     * whatever the code, which is then neither checked nor counted as an attempt (as far as the
     * confirmations guard can tell, see {@link ReplayGuard#hasAccepted}); the code is then
     * checked as a login would be (malformed, locked, invalid, replayed, or unavailable when a
     * store is full, with the time to retry if the store can tell and no failure counted); a
     * matching code for an enrolment confirmed meanwhile is {@code ALREADY_CONFIRMED} too, and
     * one whose confirmation the confirmations guard has no room to record is
     * {@code UNAVAILABLE}. Concurrent confirmations of one enrolment confirm it at most once.
     *
     * <p>The {@linkplain Builder#eventListener(SecurityEventListener) event listener} hears of a
     * confirmation ({@link SecurityEvent.Kind#CREDENTIAL_ENROLLED}, once it is marked) and, as
     * from a login, of an {@code INVALID} or {@code REPLAYED} code and of the lock it starts.
     *
     * @param pending the enrolment, as {@link #start} returned it or as restored
     * @param code the code as typed; any content, including {@code null}
     * @return the outcome, {@link Verification.Status#VALID} with the credential to persist
     * @throws NullPointerException if {@code pending} is null
     * @throws StoreException if a store fails for another reason than being full
     */
    public EnrollmentConfirmation confirm(PendingEnrollment pending, CharSequence code) {
        Objects.requireNonNull(pending, "pending");
        if (!clock.instant().isBefore(pending.expiresAt())) {
            return EnrollmentConfirmation.refused(Verification.Status.EXPIRED);
        }
        String confirmationMark = CONFIRMATION_PREFIX + pending.id();
        if (confirmations.hasAccepted(pending.accountId(), confirmationMark, 0)) {
            // Checked first: the same first code sent twice is not a replay, nor an attempt.
            return EnrollmentConfirmation.refused(Verification.Status.ALREADY_CONFIRMED);
        }
        Totp totp = pending.totp();
        Verification verification = verifier.verify(totp, pending.accountId(), pending.id(),
                TotpVerifier.NO_USED_STEP, pending.secret(), code, eventListener);
        if (!verification.isValid()) {
            return EnrollmentConfirmation.refused(verification);
        }
        boolean marked;
        try {
            marked = confirmations.tryAccept(pending.accountId(), confirmationMark, 0, pending.expiresAt());
        } catch (StoreFullException full) {
            // Unrecorded, a confirmation could be repeated, so it is refused; the login guard
            // has used up this code's step, and the app's next code will do.
            return EnrollmentConfirmation.refused(Verification.unavailable(full.retryAfter()));
        }
        if (!marked) {
            return EnrollmentConfirmation.refused(Verification.Status.ALREADY_CONFIRMED);
        }
        long confirmedStep = verification.match().orElseThrow().counter();
        TotpCredential credential =
                TotpCredential.restore(pending.id(), pending.accountId(), pending.secret(), totp, confirmedStep);
        SecurityEvents.report(eventListener, SecurityEvent.Kind.CREDENTIAL_ENROLLED, pending.accountId(), clock);
        return EnrollmentConfirmation.confirmed(credential);
    }

    private static String newId() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return Base32.encode(id);
    }

    /**
     * Describes the service.
     *
     * @return for example {@code "Enrollments[ttl PT10M, TotpVerifier[...]]"}
     */
    @Override
    public String toString() {
        return "Enrollments[ttl " + ttl + ", " + verifier + "]";
    }

    /** Builds {@link Enrollments}; not thread-safe. */
    public static final class Builder {
        private final TotpVerifier verifier;
        private Duration ttl = DEFAULT_TTL;
        private ReplayGuard confirmations;
        /** {@code null}: the login verifier's listener. */
        private SecurityEventListener eventListener;

        private Builder(TotpVerifier verifier) {
            this.verifier = verifier;
        }

        /**
         * Sets how long a pending enrolment lasts; default 10 minutes. Checked by {@link #build()}.
         *
         * @param ttl from 1 second to 24 hours
         * @return this builder
         * @throws NullPointerException if {@code ttl} is null
         */
        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * Sets where confirmed enrolments are remembered (under the enrolment's account and the
         * authenticator id {@code "enrollment:"} followed by the enrolment's id, until the
         * enrolment expires), for example the database-backed guard shared by a cluster, which
         * may be the one logins use; default a new in-memory {@link ReplayGuard} on the login
         * verifier's clock. A guard that keeps the default {@link ReplayGuard#hasAccepted}
         * cannot tell a second submission of the confirming code from a replay: it gets
         * {@link Verification.Status#REPLAYED} instead of {@code ALREADY_CONFIRMED}. With
         * {@link ReplayGuard#none()} an enrolment can be confirmed more than once.
         *
         * @param confirmations the guard
         * @return this builder
         * @throws NullPointerException if {@code confirmations} is null
         */
        public Builder confirmations(ReplayGuard confirmations) {
            this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
            return this;
        }

        /**
         * Sets who is told, after the outcome is recorded, that an enrolment was confirmed
         * ({@link SecurityEvent.Kind#CREDENTIAL_ENROLLED}) and, as for a login, of a wrong or
         * reused confirmation code and of the lock it starts; each timed by the login verifier's
         * clock. Default: the login verifier's
         * {@linkplain TotpVerifier.Builder#eventListener(SecurityEventListener) listener}, as
         * confirmations are logins with the new credential (so, unless that was set,
         * {@link SecurityEventListener#none()}). The listener is called on the confirming thread
         * before {@link Enrollments#confirm} returns: it must be fast and must not throw (what it
         * throws reaches the caller, and the enrolment stays confirmed: it cannot be confirmed
         * again, so the user has to start a new one).
         *
         * @param eventListener the listener
         * @return this builder
         * @throws NullPointerException if {@code eventListener} is null
         */
        public Builder eventListener(SecurityEventListener eventListener) {
            this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws IllegalArgumentException if the time to live is not 1 second to 24 hours
         */
        public Enrollments build() {
            if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
                throw new IllegalArgumentException("ttl must be 1 second to 24 hours, was " + ttl);
            }
            return new Enrollments(this);
        }
    }
}
