package dev.otpkit.core;

import dev.otpkit.core.internal.CodeFormat;
import dev.otpkit.core.internal.CodeHasher;
import dev.otpkit.core.internal.CodeInput;
import dev.otpkit.core.internal.SecurityEvents;
import dev.otpkit.core.internal.UniformSampling;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Out-of-band one-time codes, sent by email or SMS: issued for one account and one action
 * (the scope, such as {@code "login"} or {@code "transfer"}), short-lived, accepted once, and
 * burned after a few wrong tries. Immutable and thread-safe; build one and share it.
 *
 * <p>Codes are uniform random digits from {@link SecureRandom}. Only a keyed hash of a code is
 * stored (HMAC-SHA-256 under a server key), so a dump of the store alone reveals no code.
 * Issuing a new code for an account and scope replaces the previous one. Every try on a code
 * counts as an attempt before it is compared, so even concurrent guesses get at most
 * {@code maxAttempts} comparisons per code.
 *
 * <pre>{@code
 * OneTimeCodes codes = OneTimeCodes.builder().build();    // 6 digits, 10 minutes, 5 attempts
 * IssuedCode issued = codes.issue("alice", "login");
 * mailer.send(aliceEmail, "Your code: " + issued.code());
 * // later, on the server, with what the user typed:
 * Verification result = codes.verify("alice", "login", typed);
 * }</pre>
 *
 * <p>What a refusal means for the user: {@link Verification.Status#MALFORMED} and
 * {@link Verification.Status#INVALID}, type again (a malformed input uses no attempt);
 * {@link Verification.Status#EXPIRED}, ask for a new code, because none can be accepted any
 * more; {@link Verification.Status#REPLAYED}, the code was just accepted by a concurrent request.
 */
public final class OneTimeCodes {
    /** Fewest digits a code may have: 4. */
    public static final int MIN_DIGITS = 4;
    /** Most digits a code may have: 10. */
    public static final int MAX_DIGITS = 10;
    /** Digits unless set: 6. */
    public static final int DEFAULT_DIGITS = 6;
    /** Time to live unless set: 10 minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    /** Longest time to live allowed: 24 hours. */
    public static final Duration MAX_TTL = Duration.ofHours(24);
    /** Attempts per code unless set: 5. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Most attempts per code allowed: 10. */
    public static final int MAX_MAX_ATTEMPTS = 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ISSUE_ID_BYTES = 16;

    private final Clock clock;
    private final Duration ttl;
    private final int digits;
    private final long bound;
    private final int maxAttempts;
    private final OneTimeCodeStore store;
    private final CodeHasher hasher;
    private final SecurityEventListener eventListener;

    private OneTimeCodes(Builder builder, CodeHasher hasher) {
        this.clock = builder.clock;
        this.ttl = builder.ttl;
        this.digits = builder.digits;
        this.bound = powerOfTen(builder.digits);
        this.maxAttempts = builder.maxAttempts;
        this.store = builder.store != null ? builder.store : OneTimeCodeStore.inMemoryBuilder().clock(clock).build();
        this.hasher = hasher;
        this.eventListener = builder.eventListener;
    }

    /**
     * Starts a builder with 6 digits, a 10-minute time to live, 5 attempts per code, the system
     * clock, and an in-memory store with a random hash key.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Issues a new code for an account and action, replacing any code pending for both.
     *
     * @param accountId the account, as the application identifies it; not empty
     * @param scope the action the code allows, such as {@code "login"}; not empty
     * @return the code to deliver and its expiry
     * @throws NullPointerException if {@code accountId} or {@code scope} is null
     * @throws IllegalArgumentException if {@code accountId} or {@code scope} is empty
     * @throws StoreFullException if the store is full of codes that have not expired; nothing
     *     is issued then (the in-memory default holds
     *     {@value dev.otpkit.core.internal.Bounds#DEFAULT_MAX_ENTRIES})
     * @throws StoreException if the store fails otherwise
     */
    public IssuedCode issue(String accountId, String scope) {
        requireNotEmpty("accountId", accountId);
        requireNotEmpty("scope", scope);
        long code = UniformSampling.below(bound, RANDOM::nextLong);
        String issueId = newIssueId();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        store.put(new PendingCode(accountId, scope, issueId, hasher.hash(accountId, scope, issueId, digits, code),
                now, expiresAt, 0));
        return new IssuedCode(CodeFormat.format(code, digits), expiresAt);
    }

    /**
     * Checks a code typed by the user against the code pending for an account and action, and
     * consumes it if it matches. Surrounding whitespace and one space between digits are
     * accepted; anything else that is not exactly the configured number of ASCII digits is
     * malformed and uses no attempt.
     *
     * @param accountId the account the code was issued to; not empty
     * @param scope the action the code was issued for; not empty
     * @param code the code as typed; any content, including {@code null}
     * @return {@link Verification.Status#VALID} once per code (with no
     *     {@linkplain Verification#match() match}: such codes have no counter);
     *     {@link Verification.Status#INVALID} for a wrong code (the last allowed wrong try also
     *     burns the code); {@link Verification.Status#MALFORMED} for input that is not a code;
     *     {@link Verification.Status#EXPIRED} when no code can be accepted: none pending, or it
     *     expired, was used, was replaced, or was burned by wrong tries;
     *     {@link Verification.Status#REPLAYED} when the code matched but a concurrent call
     *     consumed it first; INVALID and REPLAYED are reported to the
     *     {@linkplain Builder#eventListener(SecurityEventListener) event listener}
     * @throws NullPointerException if {@code accountId} or {@code scope} is null
     * @throws IllegalArgumentException if {@code accountId} or {@code scope} is empty
     * @throws StoreException if the store fails
     */
    public Verification verify(String accountId, String scope, CharSequence code) {
        requireNotEmpty("accountId", accountId);
        requireNotEmpty("scope", scope);
        long given = CodeInput.parseLong(code, digits);
        if (given == CodeInput.MALFORMED) {
            return Verification.malformed();
        }
        Optional<PendingCode> claimed = store.claimAttempt(accountId, scope);
        if (claimed.isEmpty()) {
            return Verification.expired();
        }
        PendingCode pending = claimed.get();
        if (!clock.instant().isBefore(pending.expiresAt())) {
            store.remove(accountId, scope, pending.issueId());
            return Verification.expired();
        }
        if (pending.attempts() > maxAttempts) {
            // Concurrent tries used up the attempts; whichever made the last allowed one burns it.
            return Verification.expired();
        }
        byte[] expected = hasher.hash(accountId, scope, pending.issueId(), digits, given);
        if (MessageDigest.isEqual(expected, pending.hash())) {
            if (store.remove(accountId, scope, pending.issueId())) {
                return Verification.valid();
            }
            SecurityEvents.report(eventListener, SecurityEvent.Kind.CODE_REPLAYED, accountId, clock);
            return Verification.replayed();
        }
        if (pending.attempts() == maxAttempts) {
            store.remove(accountId, scope, pending.issueId());
        }
        SecurityEvents.report(eventListener, SecurityEvent.Kind.SECOND_FACTOR_FAILED, accountId, clock);
        return Verification.invalid();
    }

    /**
     * Returns the code length.
     *
     * @return the number of digits, 4 to 10
     */
    public int digits() {
        return digits;
    }

    /**
     * Returns how long a code is accepted after it is issued.
     *
     * @return the time to live
     */
    public Duration ttl() {
        return ttl;
    }

    /**
     * Returns how many tries a code allows, right or wrong.
     *
     * @return the attempts per code, 1 to 10
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Describes the parameters; never a code or key.
     *
     * @return for example {@code "OneTimeCodes[6 digits, ttl PT10M, 5 attempts]"}
     */
    @Override
    public String toString() {
        return "OneTimeCodes[" + digits + " digits, ttl " + ttl + ", " + maxAttempts + " attempts]";
    }

    private static String newIssueId() {
        byte[] id = new byte[ISSUE_ID_BYTES];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static long powerOfTen(int exponent) {
        long power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= 10;
        }
        return power;
    }

    private static void requireNotEmpty(String name, String value) {
        if (Objects.requireNonNull(value, name).isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    /** Builds {@link OneTimeCodes} instances; not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration ttl = DEFAULT_TTL;
        private int digits = DEFAULT_DIGITS;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private OneTimeCodeStore store;
        private byte[] hashKey;
        private SecurityEventListener eventListener = SecurityEventListener.none();

        private Builder() {
        }

        /**
         * Sets the clock, which also runs the default in-memory store; default
         * {@link Clock#systemUTC()}. Tests inject a fixed clock.
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
         * Sets how long a code is accepted after it is issued; default 10 minutes. Checked by
         * {@link #build()}.
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
         * Sets the code length; default 6. Checked by {@link #build()}.
         *
         * @param digits 4 to 10
         * @return this builder
         */
        public Builder digits(int digits) {
            this.digits = digits;
            return this;
        }

        /**
         * Sets how many tries a code allows, right or wrong; default 5. The try that uses the
         * last attempt without success burns the code. Checked by {@link #build()}.
         *
         * @param maxAttempts 1 to 10
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets where pending codes are kept; default a new {@link OneTimeCodeStore#inMemory()}
         * store on this builder's clock, for a single application instance. A store of your own
         * also needs {@link #hashKey(byte[])}.
         *
         * @param store the store
         * @return this builder
         * @throws NullPointerException if {@code store} is null
         */
        public Builder store(OneTimeCodeStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the server key under which codes are hashed (HMAC-SHA-256). Every application
         * instance sharing a store needs the same key; keep it out of the store's database.
         * Default: a random key made by {@link #build()}, which suits only the in-memory store.
         *
         * @param key at least 32 random bytes, such as from {@link SecureRandom}; copied
         * @return this builder
         * @throws NullPointerException if {@code key} is null
         */
        public Builder hashKey(byte[] key) {
            this.hashKey = Objects.requireNonNull(key, "key").clone();
            return this;
        }

        /**
         * Sets who is told, after the outcome is recorded, of a wrong code
         * ({@link SecurityEvent.Kind#SECOND_FACTOR_FAILED}, also for the try that burns the code)
         * and of a right code that a concurrent request consumed first
         * ({@link SecurityEvent.Kind#CODE_REPLAYED}); each timed by this builder's clock, with
         * the account the code was issued to (not the scope). No lock event: a code is burned
         * after its last try, the account is not locked. Default
         * {@link SecurityEventListener#none()}, with which no event is made. The listener is
         * called on the checking thread before {@link OneTimeCodes#verify} returns: it must be
         * fast and must not throw (what it throws reaches the caller; the try stays counted).
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
         * Builds the code issuer and verifier.
         *
         * @return the instance
         * @throws IllegalArgumentException if digits, time to live or attempts are out of range,
         *     the hash key is shorter than 32 bytes or all zeros, or a store was set without a
         *     hash key
         */
        public OneTimeCodes build() {
            if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
                throw new IllegalArgumentException("digits must be " + MIN_DIGITS + " to " + MAX_DIGITS
                        + ", was " + digits);
            }
            if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
                throw new IllegalArgumentException("ttl must be from 1 second to 24 hours, was " + ttl);
            }
            if (maxAttempts < 1 || maxAttempts > MAX_MAX_ATTEMPTS) {
                throw new IllegalArgumentException("maxAttempts must be 1 to " + MAX_MAX_ATTEMPTS
                        + ", was " + maxAttempts);
            }
            if (store != null && hashKey == null) {
                throw new IllegalArgumentException("a store of your own needs hashKey(...): a key shared by"
                        + " every instance using the store, or codes issued by one are refused by another");
            }
            return new OneTimeCodes(this, new CodeHasher(hashKey != null ? hashKey : randomKey()));
        }

        private static byte[] randomKey() {
            byte[] key = new byte[CodeHasher.MIN_KEY_BYTES];
            RANDOM.nextBytes(key);
            return key;
        }
    }
}
