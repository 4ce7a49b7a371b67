package dev.otpkit.backup;

import dev.otpkit.backup.internal.Argon2idFunction;
import dev.otpkit.backup.internal.Argon2idHash;
import dev.otpkit.backup.internal.ConstantWorkMatcher;
import dev.otpkit.backup.internal.CrockfordCode;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.SecurityEvent;
import dev.otpkit.core.SecurityEventListener;
import dev.otpkit.core.StoreException;
import dev.otpkit.core.StoreFullException;
import dev.otpkit.core.Verification;
import dev.otpkit.core.Verification.Status;
import dev.otpkit.core.internal.Results;
import dev.otpkit.core.internal.SecurityEvents;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Single-use recovery codes, stored only as Argon2id hashes. Immutable and thread-safe; build
 * one and share it.
 *
 * <p>A set has 10 codes by default, each 50 random bits from {@link SecureRandom} in
 * Crockford's Base32 ({@code K7QX2-M9TZD}). The plain codes are returned once, by
 * {@link #generate(String)}; the {@link BackupCodeStore} keeps only their hashes, and a new set
 * replaces the old one. {@link #verify} accepts each code once, atomically, even when several
 * requests present it at the same time. It answers with a {@link Verification}, the result of
 * every otpkit check: {@link Status#VALID}, {@link Status#INVALID}, {@link Status#MALFORMED},
 * {@link Status#LOCKED} or {@link Status#UNAVAILABLE}.
 *
 * <p>Attempts go through an {@link AttemptLimiter}: give the builder the limiter your
 * {@code TotpVerifier} uses, so that wrong TOTP codes and wrong backup codes of an account
 * count towards one lock. A locked account's code is not even hashed. An optional
 * {@link SecurityEventListener} hears of each wrong code, of the lock it starts, and of each
 * code used up with how many are left.
 *
 * <h2>One Argon2 evaluation per attempt, the same work for every account</h2>
 * All the codes of a set are hashed with one salt, drawn for the set. Checking a code hashes
 * the input once with that salt and compares the result with every stored hash in constant
 * time, so an attempt costs one Argon2id evaluation whether the account has 1 code or 100,
 * and an attacker cannot multiply the server's work by the size of the set.
 *
 * <p>Timing does not tell whether an account has codes, how many, or at which cost they were
 * made: every attempt reads {@value #MAX_COUNT} stored hashes (decoys fill the slots an account
 * does not use) and evaluates Argon2id once at the current cost and once at each
 * {@linkplain Builder#previousCosts previous cost}, with a decoy salt where the account has
 * no set of that cost. Argon2id at one cost cannot be computed from another, so a set made
 * before a cost change can only be checked at its own cost; the previous costs make every other
 * account pay for that evaluation too, until no old set is left.
 *
 * <p>An attempt refused before its code is checked ({@code LOCKED}, or {@code UNAVAILABLE} when
 * the limiter or the store's read was full) does no hashing at all, whatever the account stores,
 * so its timing tells no more than its status; one refused after ({@code UNAVAILABLE} when the
 * store was full as it used up a right code) did the same work as every other attempt.
 *
 * <p>The trade-off: someone who steals the stored hashes attacks a whole set with one
 * evaluation per guess, instead of one per guess and code; against 10 codes of 50 bits that
 * is still 2<sup>50</sup>/11, more than 2<sup>46</sup>, evaluations of 19 MiB each on average
 * for the first hit. Salts still differ
 * between sets and accounts, so no work is shared across accounts. The alternative, a lookup
 * identifier in clear in each code, would spend code length on a non-secret part.
 *
 * <pre>{@code
 * BackupCodes backup = BackupCodes.builder().store(myStore).attemptLimiter(limiter).build();
 * BackupCodeSet set = backup.generate("alice");   // show set.codes() once
 * Verification result = backup.verify("alice", "k7qx2 m9tzd");
 * }</pre>
 */
public final class BackupCodes {
    /** Codes in a set unless the builder says otherwise: 10. */
    public static final int DEFAULT_COUNT = 10;
    /** Most codes a set may have: 100. */
    public static final int MAX_COUNT = 100;

    private final int count;
    private final Argon2idCost cost;
    private final BackupCodeStore store;
    private final AttemptLimiter limiter;
    private final SecureRandom random;
    private final Argon2idFunction argon2;
    /** Checks a code with the same work whatever the account stores. */
    private final ConstantWorkMatcher matcher;
    private final Clock clock;
    private final SecurityEventListener eventListener;

    private BackupCodes(Builder builder) {
        this.count = builder.count;
        this.cost = builder.cost;
        this.store = builder.store != null ? builder.store : BackupCodeStore.inMemory();
        this.limiter = builder.limiter != null ? builder.limiter
                : AttemptLimiter.inMemoryBuilder().clock(builder.clock).build();
        this.clock = builder.clock;
        this.eventListener = builder.eventListener;
        this.random = builder.random != null ? builder.random : new SecureRandom();
        this.argon2 = builder.argon2;
        Set<Argon2idCost> accepted = new LinkedHashSet<>();
        accepted.add(cost);
        accepted.addAll(builder.previousCosts);
        List<Argon2idHash> decoys = new ArrayList<>();
        for (Argon2idCost each : accepted) {
            decoys.add(Argon2idHash.decoy(each.memoryKiB(), each.iterations(), each.parallelism()));
        }
        this.matcher = new ConstantWorkMatcher(MAX_COUNT, decoys, argon2, builder.parser);
    }

    /**
     * Starts a builder: 10 codes a set, {@link Argon2idCost#OWASP_MINIMUM}, a new
     * {@link BackupCodeStore#inMemory()} store, a new in-memory {@link AttemptLimiter} on the
     * system clock, a new {@link SecureRandom}, and no event listener.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes a new set of codes and their hashes without storing anything, for an application
     * that stores the hashes itself. Costs one Argon2id evaluation per code.
     *
     * @return the codes and their hashes
     * @throws IllegalStateException if the random source is broken and repeats its codes
     */
    public BackupCodeSet generate() {
        Set<String> canonical = new LinkedHashSet<>();
        // A repeat (odds about count^2 / 2^51) would be one code stored twice: draw again, but
        // not forever if the random source is broken.
        for (int draws = 0; canonical.size() < count; draws++) {
            if (draws == 2 * count) {
                throw new IllegalStateException("the random source keeps repeating itself: "
                        + draws + " draws gave " + canonical.size() + " distinct codes");
            }
            canonical.add(CrockfordCode.generate(random));
        }
        byte[] salt = new byte[Argon2idHash.SALT_BYTES];
        random.nextBytes(salt);
        List<String> codes = new ArrayList<>(count);
        List<String> hashes = new ArrayList<>(count);
        for (String code : canonical) {
            byte[] password = CrockfordCode.bytes(code);
            byte[] hash = argon2.hash(password, salt, cost.memoryKiB(), cost.iterations(), cost.parallelism(),
                    Argon2idHash.HASH_BYTES);
            Arrays.fill(password, (byte) 0);
            codes.add(CrockfordCode.display(code));
            hashes.add(new Argon2idHash(cost.memoryKiB(), cost.iterations(), cost.parallelism(), salt, hash)
                    .toPhcString());
        }
        return new BackupCodeSet(codes, hashes);
    }

    /**
     * Makes a new set of codes for an account and stores their hashes in place of the
     * account's previous set, whose codes stop working at once.
     *
     * @param accountId the account
     * @return the codes, to show the user once, and their hashes
     * @throws NullPointerException if {@code accountId} is null
     * @throws StoreFullException if the store has no room for another account's set (see
     *     {@link BackupCodeStore.InMemoryBuilder}); nothing is stored then
     * @throws StoreException if the store fails otherwise
     */
    public BackupCodeSet generate(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        BackupCodeSet set = generate();
        store.replace(accountId, set.hashes());
        return set;
    }

    /**
     * Checks a backup code and, if it matches an unused code of the account, consumes it.
     * Costs one Argon2id evaluation at the current cost and one at each previous cost (so one
     * unless the builder was given previous costs) and reads {@value #MAX_COUNT} PHC strings,
     * whatever the account stores; malformed input costs none, and so does a refused attempt
     * ({@code LOCKED}, or {@code UNAVAILABLE} before the code is checked). Exactly one of several
     * concurrent calls with the same code succeeds.
     *
     * <p>Input that is not a backup code at all is refused before the store or the attempt
     * limiter is asked, as it tests no guess. Every other attempt is counted by the limiter, and a
     * success clears the account's failures. A store or limiter that is full
     * ({@link StoreFullException}) makes the answer {@code UNAVAILABLE}: the code is neither
     * accepted nor consumed, and the attempt is not counted.
     *
     * <p>The {@linkplain Builder#eventListener(SecurityEventListener) event listener} hears, once
     * the outcome is recorded, of every {@code INVALID} code
     * ({@link SecurityEvent.Kind#SECOND_FACTOR_FAILED}, also for a right code that a concurrent
     * call used up first), then of the lock it started ({@link SecurityEvent.Kind#ACCOUNT_LOCKED}),
     * and of every {@code VALID} one ({@link SecurityEvent.Kind#BACKUP_CODE_USED}, with the codes
     * left: the set this call read, less the code used; one too many if another code of the
     * account was used at the same moment).
     *
     * @param accountId the account
     * @param code the code as typed: case, spaces and '-' do not matter, O reads as 0 and I or
     *     L as 1; any content, including {@code null}
     * @return {@link Status#VALID} if the code was unused and is now consumed;
     *     {@link Status#LOCKED} with the time to retry if the limiter refused the attempt;
     *     {@link Status#UNAVAILABLE}, with the time to retry if the full store could tell, if the
     *     limiter had no room to count the attempt or the store threw {@link StoreFullException};
     *     {@link Status#INVALID} or {@link Status#MALFORMED} otherwise. Never a
     *     {@linkplain Verification#match() match}.
     * @throws NullPointerException if {@code accountId} is null
     * @throws StoreException if the store or the limiter fails for another reason than being
     *     full
     * @throws IllegalStateException if the store holds, for this account, a string that is not
     *     an Argon2id PHC string, hashes that are not one set (one salt and cost), more than
     *     {@value #MAX_COUNT} hashes, or a set at a cost that is neither the current nor a
     *     previous one; thrown after the same work as any other attempt
     */
    public Verification verify(String accountId, CharSequence code) {
        Objects.requireNonNull(accountId, "accountId");
        byte[] password = CrockfordCode.canonicalBytes(code);
        if (password == null) {
            return Results.malformed();
        }
        try {
            return check(accountId, password);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private Verification check(String accountId, byte[] password) {
        List<String> stored;
        AttemptLimiter.Attempt attempt;
        try {
            // The hashes are read before the attempt is counted, so that a store that cannot
            // answer leaves nothing counted; a snapshot is enough, as remove() decides the use.
            stored = store.hashes(accountId);
            attempt = limiter.beginAttempt(accountId);
        } catch (StoreFullException full) {
            return Results.unavailable(full.retryAfter());
        }
        if (!attempt.proceeds()) {
            return Results.locked(attempt.lockedUntil().orElseThrow());
        }
        int matched = matcher.indexOfMatch(stored, password);
        return matched == ConstantWorkMatcher.NO_MATCH ? invalid(accountId, attempt)
                : consume(accountId, attempt, stored.get(matched), stored.size() - 1);
    }

    /** Uses up the matched hash, unless a concurrent call or a new set got there first. */
    private Verification consume(String accountId, AttemptLimiter.Attempt attempt, String hash, int othersLeft) {
        boolean removed;
        try {
            removed = store.remove(accountId, hash);
        } catch (StoreFullException full) {
            // The code was right, so taking back the attempt that beginAttempt counted is earned,
            // and recordSuccess is the limiter's only way to take one back (as the core verifiers
            // do for a full replay guard). Nothing is consumed: the user tries again later.
            limiter.recordSuccess(accountId);
            return Results.unavailable(full.retryAfter());
        }
        if (!removed) {
            return invalid(accountId, attempt); // the failure counted by beginAttempt stays
        }
        limiter.recordSuccess(accountId);
        if (SecurityEvents.isListening(eventListener)) {
            eventListener.onEvent(SecurityEvent.backupCodeUsed(accountId, clock.instant(), othersLeft));
        }
        return Results.valid();
    }

    /** Answers a failure the limiter counted, reporting it and the lock it started. */
    private Verification invalid(String accountId, AttemptLimiter.Attempt attempt) {
        SecurityEvents.reportFailure(eventListener, SecurityEvent.Kind.SECOND_FACTOR_FAILED, accountId, attempt, clock);
        return Results.invalid();
    }

    /**
     * Counts the account's unused codes, for a "3 backup codes left" notice.
     *
     * @param accountId the account
     * @return the number of unused codes, 0 if it has none
     * @throws NullPointerException if {@code accountId} is null
     */
    public int remaining(String accountId) {
        return store.hashes(Objects.requireNonNull(accountId, "accountId")).size();
    }

    /**
     * Removes every code of the account, for example when it turns two-factor authentication
     * off.
     *
     * @param accountId the account
     * @throws NullPointerException if {@code accountId} is null
     */
    public void revoke(String accountId) {
        store.replace(Objects.requireNonNull(accountId, "accountId"), List.of());
    }

    /** The hashing cost of new sets, for tests. */
    Argon2idCost cost() {
        return cost;
    }

    /**
     * Describes the configuration.
     *
     * @return for example {@code "BackupCodes[10 codes, Argon2idCost[m=19456,t=2,p=1]]"}
     */
    @Override
    public String toString() {
        return "BackupCodes[" + count + " codes, " + cost + "]";
    }

    /** Builds {@link BackupCodes} instances; not thread-safe. */
    public static final class Builder {
        private int count = DEFAULT_COUNT;
        private Argon2idCost cost = Argon2idCost.OWASP_MINIMUM;
        /** Null until set: each build then makes its own default. */
        private BackupCodeStore store;
        /** Null until set: each build then makes its own default. */
        private AttemptLimiter limiter;
        /** Null until set: each build then makes its own default. */
        private SecureRandom random;
        private Argon2idFunction argon2 = Argon2idFunction.BOUNCY_CASTLE;
        private Function<String, Argon2idHash> parser = Argon2idHash::parse;
        private List<Argon2idCost> previousCosts = List.of();
        private Clock clock = Clock.systemUTC();
        private SecurityEventListener eventListener = SecurityEventListener.none();

        private Builder() {
        }

        /**
         * Sets how many codes a set has; default 10. Checked by {@link #build()}.
         *
         * @param count codes per set, 1 to 100
         * @return this builder
         */
        public Builder count(int count) {
            this.count = count;
            return this;
        }

        /**
         * Sets the Argon2id cost of new sets; default {@link Argon2idCost#OWASP_MINIMUM}. Sets
         * stored at another cost keep verifying if that cost is given to
         * {@link #previousCosts}; without it, checking them throws.
         *
         * @param cost the cost
         * @return this builder
         * @throws NullPointerException if {@code cost} is null
         */
        public Builder cost(Argon2idCost cost) {
            this.cost = Objects.requireNonNull(cost, "cost");
            return this;
        }

        /**
         * Sets the costs that sets made before a change of {@link #cost} were hashed at, so that
         * they keep verifying; default none. Every attempt on every account then evaluates
         * Argon2id once at the current cost and once at each previous cost, so that timing does
         * not tell at which cost an account's codes were made, or whether it has any: an attempt
         * costs the sum of these costs. Drop a previous cost once no stored set uses it (for
         * example after asking users to make new codes, then revoking the old sets).
         *
         * @param costs the earlier costs, replacing any given before; repeats and the current cost
         *     are ignored
         * @return this builder
         * @throws NullPointerException if {@code costs} or one of them is null
         */
        public Builder previousCosts(Argon2idCost... costs) {
            this.previousCosts = List.of(costs);
            return this;
        }

        /**
         * Sets where the hashes live; default a new {@link BackupCodeStore#inMemory()}.
         *
         * @param store the store
         * @return this builder
         * @throws NullPointerException if {@code store} is null
         */
        public Builder store(BackupCodeStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the attempt limiter; default a new in-memory limiter on this builder's
         * {@linkplain #clock(Clock) clock}. Pass the one the application's TOTP verification
         * uses, so both kinds of failure count together.
         *
         * @param limiter the limiter
         * @return this builder
         * @throws NullPointerException if {@code limiter} is null
         */
        public Builder attemptLimiter(AttemptLimiter limiter) {
            this.limiter = Objects.requireNonNull(limiter, "limiter");
            return this;
        }

        /**
         * Sets the source of codes and salts; default a new {@link SecureRandom}. For an
         * application that must use a particular DRBG or provider.
         *
         * @param random the random source
         * @return this builder
         * @throws NullPointerException if {@code random} is null
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Sets the clock that times the events and runs the default in-memory limiter; default
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
         * Sets who is told, after the outcome is recorded, of a wrong code
         * ({@link SecurityEvent.Kind#SECOND_FACTOR_FAILED}), of the lock it starts
         * ({@link SecurityEvent.Kind#ACCOUNT_LOCKED}) and of a code used up
         * ({@link SecurityEvent.Kind#BACKUP_CODE_USED}, with the codes left); each timed by
         * {@link #clock(Clock)}. Default {@link SecurityEventListener#none()}, with which no event
         * is made. The listener is called on the checking thread before {@link BackupCodes#verify}
         * returns: it must be fast and must not throw (what it throws reaches the caller, and the
         * outcome stays recorded: a used code stays used).
         *
         * @param eventListener the listener
         * @return this builder
         * @throws NullPointerException if {@code eventListener} is null
         */
        public Builder eventListener(SecurityEventListener eventListener) {
            this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
            return this;
        }

        /** Replaces the Argon2id implementation; tests wrap the real one to count evaluations. */
        Builder argon2(Argon2idFunction argon2) {
            this.argon2 = Objects.requireNonNull(argon2, "argon2");
            return this;
        }

        /** Replaces the PHC string reader; tests wrap the real one to count parses. */
        Builder parser(Function<String, Argon2idHash> parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * Builds the instance.
         *
         * @return the configured backup codes
         * @throws IllegalArgumentException if the count is not 1 to 100
         */
        public BackupCodes build() {
            if (count < 1 || count > MAX_COUNT) {
                throw new IllegalArgumentException("count must be 1 to " + MAX_COUNT + " codes, was " + count);
            }
            return new BackupCodes(this);
        }
    }
}
