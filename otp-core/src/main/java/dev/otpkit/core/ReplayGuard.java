package dev.otpkit.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Accepts each one-time code at most once (NIST SP 800-63B section 5.1.4.2, RFC 6238 section
 * 5.2): the SPI that remembers, per authenticator of an account, the last accepted TOTP time
 * step or HOTP counter, with a bounded in-memory default from {@link #inMemory()} and a
 * do-nothing {@link #none()}. Implement it to keep that state in your own database.
 *
 * <p>Only a step strictly newer than the last accepted one is accepted, so neither the same code
 * nor an older code still inside the window can be used again. Implementations must be
 * thread-safe.
 *
 * <p>A step is remembered under a pair: the account and one of its authenticators. Store them as
 * two separate values (two columns, a pair key), never joined into one string: a join such as
 * {@code accountId + "/" + authenticatorId} lets the account {@code "alice/c1"} use up the steps
 * of alice's authenticator {@code c1}. The verifiers name the authenticator themselves:
 * <ul>
 * <li>{@link TotpVerifier#verify(String, OtpSecret, CharSequence)} and the {@link HotpVerifier}
 *     methods use {@link #ACCOUNT_AUTHENTICATOR}, the empty string, which no
 *     {@link TotpCredential#id()} can equal;</li>
 * <li>{@link TotpVerifier#verify(TotpCredential, CharSequence)} uses the credential's id;</li>
 * <li>{@link Enrollments} marks a confirmed enrolment under {@code "enrollment:"} followed by the
 *     enrolment's id, a prefix no credential id may start with.</li>
 * </ul>
 * So if an account has both a TOTP and an HOTP authenticator checked by account id, give them
 * distinct account ids (for example {@code "alice/totp"} and {@code "alice/hotp"}), or verify
 * TOTP logins with a {@link TotpCredential}.
 *
 * <p>Ids are compared exactly, character for character. An implementation keeps every id of up
 * to 255 chars (UTF-16 units) that is well-formed Unicode without U+0000 exactly as given. It
 * may refuse any other id (longer, holding U+0000, or holding an unpaired surrogate, which
 * some databases cannot store) with an {@link IllegalArgumentException} that does not quote
 * it, before changing anything; it never keeps such an id changed, cut short or equal to
 * another. The in-memory guard keeps every string.
 *
 * <p>A verifier asks to keep a step until it has left every window any verifier could check it
 * in ({@code keepUntil}): for TOTP, {@link TotpVerifier#MAX_WINDOW} steps after the matched one,
 * whatever the verifier's own window, so that verifiers with different windows can share a
 * guard; for HOTP, {@link HotpVerifier#REPLAY_MEMORY}.
 *
 * <p>A store that cannot reach its storage throws a {@link StoreException}, which reaches the
 * caller of the verification.
 */
public interface ReplayGuard {
    /**
     * The authenticator id of the account-level verifications, which know no authenticator of
     * their own: the empty string. {@link TotpCredential} ids are never empty, so a credential's
     * steps never mix with the account's.
     */
    String ACCOUNT_AUTHENTICATOR = "";

    /**
     * Accepts a step if it is strictly newer than the last step accepted for the account's
     * authenticator, and then remembers it as the last. The check and the update are one
     * atomic step per pair: of any number of concurrent calls with the same step, exactly one
     * can answer {@code true}.
     *
     * <p>A store that cannot record the step (a bounded store full of steps still inside a
     * window) must not accept it: it throws {@link StoreFullException}, which the verifiers
     * answer as {@link Verification.Status#UNAVAILABLE} without counting a failure, never as a
     * replay.
     *
     * @param accountId the account, as the application names it; any string, including empty,
     *     that the implementation keeps (see above)
     * @param authenticatorId the authenticator of the account: {@link #ACCOUNT_AUTHENTICATOR}
     *     or a credential's id; any string the implementation keeps
     * @param step the matched TOTP time step or HOTP counter, 0 or more
     * @param keepUntil when the step can no longer be presented to any verifier (it has left
     *     every window); from then on the guard may forget the pair
     * @return {@code true} if the step was accepted; {@code false} if it is not newer than the
     *     last accepted one (a replay)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the implementation refuses an id it cannot keep
     *     exactly (see above); nothing is accepted then
     * @throws StoreFullException if the store has no room to record the step; nothing is
     *     accepted then
     */
    boolean tryAccept(String accountId, String authenticatorId, long step, Instant keepUntil);

    /**
     * Tells, without changing anything, whether a step at least as new as {@code step} was
     * accepted for the account's authenticator and is still remembered: whether
     * {@link #tryAccept} would now refuse {@code step} as a replay. Callers use it to answer
     * precisely before doing any work (such as {@link Enrollments#confirm} for an enrolment
     * confirmed before); only {@link #tryAccept} guarantees that a step is accepted at most once.
     *
     * <p>The default answers {@code false} ("not known"); an implementation that cannot read its
     * store cheaply may keep it, and callers then learn of the earlier acceptance from
     * {@link #tryAccept} alone.
     *
     * @param accountId the account, as the application names it
     * @param authenticatorId the authenticator of the account, as given to {@link #tryAccept}
     * @param step a TOTP time step or HOTP counter, 0 or more
     * @return {@code true} if {@code step} or a newer one is remembered as accepted
     * @throws NullPointerException if {@code accountId} or {@code authenticatorId} is null
     * @throws IllegalArgumentException if the implementation refuses an id it cannot keep
     *     exactly (see above)
     */
    default boolean hasAccepted(String accountId, String authenticatorId, long step) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(authenticatorId, "authenticatorId");
        return false;
    }

    /**
     * Returns the guard that remembers nothing and accepts every step: replay protection
     * switched off, by name. Only for callers that prevent reuse themselves; with it the
     * account-aware verification accepts the same code again within its window, and
     * {@link Enrollments} can confirm an enrolment twice.
     *
     * @return the shared do-nothing guard
     */
    static ReplayGuard none() {
        return NoReplayGuard.INSTANCE;
    }

    /**
     * Returns the in-memory guard with the system clock and room for
     * {@value dev.otpkit.core.internal.Bounds#DEFAULT_MAX_ENTRIES} pairs of account and
     * authenticator.
     *
     * @return a new guard; share it between all verifiers of the same accounts
     * @see InMemoryBuilder
     */
    static ReplayGuard inMemory() {
        return inMemoryBuilder().build();
    }

    /**
     * Starts a builder for an in-memory guard with a custom clock or bound.
     *
     * @return a new builder holding the defaults
     */
    static InMemoryBuilder inMemoryBuilder() {
        return new InMemoryBuilder();
    }

    /**
     * Builds the in-memory guard. It remembers an account's authenticator only until its last
     * accepted step has left every window any verifier may have: for TOTP,
     * {@link TotpVerifier#MAX_WINDOW} steps after the step (5.5 minutes with 30-second steps,
     * whatever the verifiers' windows), for HOTP {@link HotpVerifier#REPLAY_MEMORY}. It never
     * holds more than {@linkplain #maxEntries(int) maxEntries} pairs of account and authenticator. When full
     * of entries that still matter, it fails closed without forgetting any of them: a step of
     * another pair is not accepted but refused with a {@link StoreFullException} that carries
     * the time the oldest entry expires, and the verifiers report that as
     * {@link Verification.Status#UNAVAILABLE}, not counted as a failure. At the default bound
     * that happens once more than 100,000 accounts logged in with TOTP within 5.5 minutes
     * (about 300 logins a second); size the bound above your peak, or back the SPI with your
     * database.
     *
     * <p>Memory, measured on OpenJDK 17 (64-bit, compressed references) by filling a guard with
     * one million accounts and comparing the heap after garbage collection (the test class
     * {@code MemoryFootprint}; see CONTRIBUTING.md): about 97 bytes per remembered account plus
     * its id string (64 bytes for an id of 20 ASCII characters), so about 161 MB for one million
     * accounts, and at most about 16 MB at the default bound. That is for account-level checks,
     * whose authenticator id is the one shared empty string; a credential's id is a string of
     * its own, held as long as the step.
     *
     * <p>Not thread-safe; the guard it builds is.
     */
    final class InMemoryBuilder extends InMemoryStoreBuilder<InMemoryBuilder, ReplayGuard> {
        private InMemoryBuilder() {
        }

        @Override
        ReplayGuard newStore(int maxEntries, Clock clock) {
            return new InMemoryReplayGuard(maxEntries, clock);
        }
    }
}
