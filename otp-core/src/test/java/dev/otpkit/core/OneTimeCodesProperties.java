package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.Verification.Status;
import dev.otpkit.core.internal.CodeInput;
import dev.otpkit.core.internal.TypedCodes;
import dev.otpkit.core.internal.TypedCodes.Typing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What a user types into an out-of-band code check is an outcome, never an exception, and only
 * the issued code, typed as {@link OneTimeCodes#verify} documents, is accepted, at most once.
 */
class OneTimeCodesProperties {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Property
    void anyTextIsValidOnlyIfItIsTheIssuedCodeAndOnlyOnce(@ForAll("anyTexts") String typed,
            @ForAll @IntRange(min = OneTimeCodes.MIN_DIGITS, max = OneTimeCodes.MAX_DIGITS) int digits) {
        OneTimeCodes codes = OneTimeCodes.builder().digits(digits).clock(CLOCK).build();
        String code = codes.issue("alice", "login").code();

        Status status = codes.verify("alice", "login", typed).status();

        long typedValue = TypedCodes.documentedValue(typed, digits);
        Status expected = typedValue == CodeInput.MALFORMED ? Status.MALFORMED
                : typedValue == Long.parseLong(code) ? Status.VALID : Status.INVALID;
        assertEquals(expected, status);
        if (status != Status.VALID) {
            assertEquals(Status.VALID, codes.verify("alice", "login", code).status(), "one wrong try spares the code");
        }
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", code).status(), "accepted at most once");
    }

    @Property
    void theIssuedCodeTypedAsDocumentedIsValidExactlyOnce(@ForAll("typings") Typing typing,
            @ForAll @IntRange(min = OneTimeCodes.MIN_DIGITS, max = OneTimeCodes.MAX_DIGITS) int digits) {
        OneTimeCodes codes = OneTimeCodes.builder().digits(digits).clock(CLOCK).build();
        String typed = typing.type(codes.issue("alice", "login").code());
        assertEquals(Verification.valid(), codes.verify("alice", "login", typed), "valid, with no counter match");
        assertEquals(Verification.expired(), codes.verify("alice", "login", typed));
    }

    @Property
    void theIssuedCodeWithAnyDigitChangedIsInvalid(@ForAll("typings") Typing typing,
            @ForAll @IntRange(min = OneTimeCodes.MIN_DIGITS, max = OneTimeCodes.MAX_DIGITS) int digits,
            @ForAll @IntRange(min = 0, max = OneTimeCodes.MAX_DIGITS - 1) int position,
            @ForAll @IntRange(min = 1, max = 9) int change) {
        OneTimeCodes codes = OneTimeCodes.builder().digits(digits).clock(CLOCK).build();
        String code = codes.issue("alice", "login").code();
        int at = position % digits;
        char changed = (char) ('0' + (code.charAt(at) - '0' + change) % 10);
        String wrong = code.substring(0, at) + changed + code.substring(at + 1);
        assertEquals(Verification.invalid(), codes.verify("alice", "login", typing.type(wrong)));
        assertTrue(codes.verify("alice", "login", code).isValid());
    }

    @Property
    void issuesExactlyTheConfiguredNumberOfAsciiDigitsUntilTheTimeToLiveEnds(
            @ForAll @IntRange(min = OneTimeCodes.MIN_DIGITS, max = OneTimeCodes.MAX_DIGITS) int digits,
            @ForAll @IntRange(min = 1, max = 86_400) int ttlSeconds) {
        OneTimeCodes codes = OneTimeCodes.builder().digits(digits).ttl(Duration.ofSeconds(ttlSeconds)).clock(CLOCK)
                .build();
        IssuedCode issued = codes.issue("alice", "login");
        assertTrue(issued.code().matches("[0-9]{" + digits + "}"), issued.code());
        assertEquals(NOW.plusSeconds(ttlSeconds), issued.expiresAt());
        assertEquals("IssuedCode[" + digits + " digits, expires " + issued.expiresAt() + "]", issued.toString());
    }

    /**
     * A store that mixes up rows, answering with the one code it holds whatever the account and
     * scope: the keyed hash alone must keep the code to the account and scope it was issued for.
     */
    @Property
    void aCodeIsNeverValidForAnotherAccountOrScope(@ForAll("names") String account, @ForAll("names") String scope,
            @ForAll("names") String otherAccount, @ForAll("names") String otherScope) {
        Assume.that(!account.equals(otherAccount) || !scope.equals(otherScope));
        OneTimeCodes codes = OneTimeCodes.builder().store(new OneCodeStore()).hashKey(SecretSealer.generateKey())
                .clock(CLOCK).build();
        String code = codes.issue(account, scope).code();
        assertEquals(Verification.invalid(), codes.verify(otherAccount, otherScope, code));
        assertTrue(codes.verify(account, scope, code).isValid());
    }

    @Provide
    Arbitrary<String> anyTexts() {
        return TypedCodes.anyTexts();
    }

    @Provide
    Arbitrary<Typing> typings() {
        return Typing.documented();
    }

    /** Account ids and scopes: any non-empty text, short ones often, so that they collide. */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12);
    }

    /** Holds one pending code, whichever account and scope it was issued for. */
    private static final class OneCodeStore implements OneTimeCodeStore {
        private PendingCode pending;

        @Override
        public synchronized void put(PendingCode code) {
            pending = code;
        }

        @Override
        public synchronized Optional<PendingCode> claimAttempt(String accountId, String scope) {
            if (pending != null) {
                pending = pending.withAttempts(pending.attempts() + 1);
            }
            return Optional.ofNullable(pending);
        }

        @Override
        public synchronized boolean remove(String accountId, String scope, String issueId) {
            boolean removed = pending != null && pending.issueId().equals(issueId);
            if (removed) {
                pending = null;
            }
            return removed;
        }
    }
}
