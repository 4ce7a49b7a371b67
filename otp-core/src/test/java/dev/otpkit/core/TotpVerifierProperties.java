package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.internal.CodeInput;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the account-aware TOTP check, {@link TotpVerifier#verify(String, OtpSecret,
 * CharSequence)} and {@link TotpVerifier#verify(TotpCredential, CharSequence)}, against a
 * reference written here: RFC 4226 HOTP over the JDK's {@link Mac} with the dynamic truncation of
 * section 5.3, RFC 6238 steps, and the input format the Javadoc promises (ASCII digits, ASCII
 * whitespace around them, at most one space between them, at most 64 characters) as a regular
 * expression.
 */
class TotpVerifierProperties {
    /** Surrounding ASCII whitespace, then the digits, with at most one space between two of them. */
    private static final Pattern CODE_FORMAT = Pattern.compile("[ \t\r\n]*([0-9]+)(?: ([0-9]+))?[ \t\r\n]*");
    /** Far beyond what is read: refused before it is looked at. */
    private static final String MEGABYTE_OF_DIGITS = "1".repeat(1_000_000);

    /**
     * One verifier's code parameters, secret, window and time of the first check.
     *
     * @param algorithm the HMAC
     * @param digits the code length
     * @param periodSeconds the step length
     * @param key the secret's bytes, longer than a hash block at times
     * @param start when the first check happens
     * @param behind steps the window reaches behind
     * @param ahead steps the window reaches ahead
     */
    record Setup(HmacAlgorithm algorithm, int digits, int periodSeconds, byte[] key, Instant start, int behind,
            int ahead) {
        Totp totp() {
            return Totp.builder().algorithm(algorithm).digits(digits).period(Duration.ofSeconds(periodSeconds)).build();
        }

        OtpSecret secret() {
            return OtpSecret.fromBytes(key);
        }

        TotpVerifier verifier(Clock clock) {
            // A limiter that cannot lock within one try, so that every answer is the code's own.
            AttemptLimiter neverLocksHere = AttemptLimiter.inMemoryBuilder().clock(clock)
                    .failuresBeforeLock(AttemptLimiter.MAX_CONSECUTIVE_FAILURES).build();
            return TotpVerifier.builder(totp()).window(behind, ahead).clock(clock).attemptLimiter(neverLocksHere)
                    .build();
        }

        /** RFC 6238 section 4.2: T = floor((time - T0) / X), with T0 the epoch. */
        long stepAt(Instant time) {
            return Math.floorDiv(time.getEpochSecond(), periodSeconds);
        }

        /** The code of one step, by {@link #referenceCodes}. */
        String referenceCode(long counter) {
            return referenceCodes(counter, counter).get(counter);
        }

        /**
         * RFC 4226 section 5.3 over the JDK's Mac: HMAC of the counter, dynamic truncation,
         * modulo 10^digits, for every counter from {@code first} to {@code last}.
         */
        Map<Long, String> referenceCodes(long first, long last) {
            String jcaName = jcaName(algorithm);
            Map<Long, String> codes = new TreeMap<>();
            try {
                Mac mac = Mac.getInstance(jcaName);
                mac.init(new SecretKeySpec(key, jcaName));
                for (long counter = first; counter <= last; counter++) {
                    byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
                    int offset = hash[hash.length - 1] & 0x0f;
                    int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                            | (hash[offset + 2] & 0xff) << 8 | (hash[offset + 3] & 0xff);
                    codes.put(counter, String.format("%0" + digits + "d", binary % (int) Math.pow(10, digits)));
                }
            } catch (GeneralSecurityException e) {
                throw new AssertionError(jcaName, e);
            }
            return codes;
        }

        /**
         * The answer a check at {@code now} must give to {@code input} for an authenticator whose
         * last accepted step is {@code lastAccepted} (-1 for none): the highest step of the window
         * whose code the input is, accepted only if newer.
         */
        Verification expected(String input, Instant now, long lastAccepted) {
            String typed = digitsOf(input);
            if (typed == null) {
                return Verification.malformed();
            }
            long current = stepAt(now);
            long matched = -1;
            Map<Long, String> window = referenceCodes(Math.max(0, current - behind), current + ahead);
            for (Map.Entry<Long, String> step : window.entrySet()) {
                if (step.getValue().equals(typed)) {
                    matched = step.getKey();
                }
            }
            if (matched < 0) {
                return Verification.invalid();
            }
            return matched > lastAccepted ? Verification.valid(matched, (int) (matched - current))
                    : Verification.replayed();
        }

        /** The digits typed if the input has the promised format and length, else null. */
        private String digitsOf(String input) {
            if (input.length() > CodeInput.MAX_INPUT_LENGTH) {
                return null;
            }
            Matcher matcher = CODE_FORMAT.matcher(input);
            if (!matcher.matches()) {
                return null;
            }
            String typed = matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2));
            return typed.length() == digits ? typed : null;
        }

        @Override
        public String toString() {
            return "Setup[" + algorithm + ", " + digits + " digits, " + periodSeconds + " s, key "
                    + HexFormat.of().formatHex(key) + ", start " + start + ", window -" + behind + "/+" + ahead + "]";
        }
    }

    private static String jcaName(HmacAlgorithm algorithm) {
        switch (algorithm) {
            case SHA1:
                return "HmacSHA1";
            case SHA256:
                return "HmacSHA256";
            default:
                return "HmacSHA512";
        }
    }

    /** A setup and a string typed at its first check. */
    record Typed(Setup setup, String input) {
    }

    /** Which way a login reaches the replay guard. */
    enum Path {
        /** {@code verify("alice", secret, code)}. */
        ACCOUNT,
        /** {@code verify(credential, code)}, alice's credential {@code c1} with the same secret. */
        CREDENTIAL,
        /** {@code verify("alice/c1", secret, code)}: an account named as a joined key would be. */
        ACCOUNT_NAMED_LIKE_THE_CREDENTIAL
    }

    /**
     * One login in a sequence.
     *
     * @param path the way it goes
     * @param offset the step of the code typed, from the current step
     * @param waitSeconds how long after the previous login it happens
     */
    record Login(Path path, int offset, int waitSeconds) {
    }

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<Instant> starts = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.longs().between(0, 3_600)),            // near T0: the window is cut at step 0
                Tuple.of(9, Arbitraries.longs().between(0, 1L << 34)))
                .map(seconds -> Instant.ofEpochSecond(seconds));
        return Combinators.combine(
                Arbitraries.of(HmacAlgorithm.class),
                Arbitraries.integers().between(Hotp.MIN_DIGITS, Hotp.MAX_DIGITS),
                Arbitraries.of(30, 60, 1, 7, 3_600),
                Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(200),
                starts,
                Arbitraries.integers().between(0, TotpVerifier.MAX_WINDOW),
                Arbitraries.integers().between(0, TotpVerifier.MAX_WINDOW))
                .as(Setup::new);
    }

    @Provide
    Arbitrary<Typed> typed() {
        return setups().flatMap(setup -> inputsFor(setup).map(input -> new Typed(setup, input)));
    }

    /** Any text, near-codes, and right codes of steps in and around the window, decorated. */
    private static Arbitrary<String> inputsFor(Setup setup) {
        long current = setup.stepAt(setup.start());
        int reach = TotpVerifier.MAX_WINDOW + 2;
        Arbitrary<String> rightCodes = Arbitraries.integers().between(-reach, reach)
                .map(offset -> setup.referenceCode(Math.max(0, current + offset)));
        Arbitrary<String> decorations = Arbitraries.of("", " ", "  ", "\t", "\n", "\r\n ", "\u00a0", "\u3000", "-",
                "\u200b", "0", "\uff11", "\u0661", "x", "\ud83d\ude00", "\ud800");
        Arbitrary<String> decorated = Combinators.combine(rightCodes, decorations, decorations, decorations,
                Arbitraries.integers().between(0, Hotp.MAX_DIGITS))
                .as((code, before, inside, after, at) -> {
                    int split = Math.min(at, code.length());
                    return before + code.substring(0, split) + inside + code.substring(split) + after;
                });
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(100)),
                Tuple.of(3, Arbitraries.strings().withChars("0123456789 \t\r\n").ofMaxLength(80)),
                Tuple.of(3, rightCodes),
                Tuple.of(4, decorated),
                Tuple.of(1, Arbitraries.of("9".repeat(CodeInput.MAX_INPUT_LENGTH + 1), MEGABYTE_OF_DIGITS)));
    }

    @Provide
    Arbitrary<List<Login>> logins() {
        int reach = TotpVerifier.MAX_WINDOW + 1;
        return Combinators.combine(Arbitraries.of(Path.class), Arbitraries.integers().between(-reach, reach),
                Arbitraries.integers().between(0, 45))
                .as(Login::new)
                .list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void answersAnyInputWithoutThrowingAndAcceptsOnlyARightCodeOfTheWindow(@ForAll("typed") Typed typed,
            @ForAll String accountId) {
        Setup setup = typed.setup();
        TotpVerifier verifier = setup.verifier(Clock.fixed(setup.start(), ZoneOffset.UTC));

        Verification answer = verifier.verify(accountId, setup.secret(), typed.input());

        assertEquals(setup.expected(typed.input(), setup.start(), -1), answer);
    }

    @Property(tries = 100)
    void matchesTheStepTheJdkMacComputesForEveryStepOfTheWindow(@ForAll("setups") Setup setup) {
        TotpVerifier verifier = setup.verifier(Clock.fixed(setup.start(), ZoneOffset.UTC));
        long current = setup.stepAt(setup.start());
        assertEquals(current, setup.totp().step(setup.start()));
        for (long step = Math.max(0, current - setup.behind()); step <= current + setup.ahead(); step++) {
            String code = setup.referenceCode(step);
            Verification answer = verifier.verify("account-" + step, setup.secret(), code);
            assertEquals(setup.expected(code, setup.start(), -1), answer);
        }
    }

    @Property(tries = 200)
    void acceptsARightCodeAtMostOnceHoweverThePathsInterleave(@ForAll("setups") Setup setup,
            @ForAll("logins") List<Login> logins, @ForAll("confirmedBehind") int confirmedBehind) {
        TestClock clock = new TestClock(setup.start());
        TotpVerifier verifier = setup.verifier(clock);
        OtpSecret secret = setup.secret();
        long confirmedStep = Math.max(0, setup.stepAt(setup.start()) - confirmedBehind);
        TotpCredential credential = TotpCredential.restore("c1", "alice", secret, setup.totp(), confirmedStep);
        Map<Path, Long> lastAccepted = new EnumMap<>(Path.class);
        lastAccepted.put(Path.ACCOUNT, -1L);
        lastAccepted.put(Path.CREDENTIAL, confirmedStep);
        lastAccepted.put(Path.ACCOUNT_NAMED_LIKE_THE_CREDENTIAL, -1L);
        Map<Path, Set<Long>> accepted = new EnumMap<>(Path.class);

        for (Login login : logins) {
            clock.advance(Duration.ofSeconds(login.waitSeconds()));
            long step = Math.max(0, setup.stepAt(clock.instant()) + login.offset());
            String code = setup.referenceCode(step);
            Verification expected = setup.expected(code, clock.instant(), lastAccepted.get(login.path()));

            Verification answer = login(verifier, credential, login.path(), code);

            assertEquals(expected, answer, login.toString());
            if (answer.isValid()) {
                long matched = answer.match().orElseThrow().counter();
                lastAccepted.put(login.path(), matched);
                assertTrue(accepted.computeIfAbsent(login.path(), path -> new HashSet<>()).add(matched),
                        "a step accepted twice on one path");
            }
        }
    }

    @Provide
    Arbitrary<Integer> confirmedBehind() {
        return Arbitraries.integers().between(0, 3);
    }

    private static Verification login(TotpVerifier verifier, TotpCredential credential, Path path, String code) {
        switch (path) {
            case ACCOUNT:
                return verifier.verify(credential.accountId(), credential.secret(), code);
            case CREDENTIAL:
                return verifier.verify(credential, code);
            default:
                return verifier.verify(credential.accountId() + "/" + credential.id(), credential.secret(), code);
        }
    }

    @Example
    void answersNullAsMalformedOnBothPaths() {
        TotpVerifier verifier = TotpVerifier.builder(Totp.builder().build()).build();
        OtpSecret secret = OtpSecret.generate();
        TotpCredential credential = TotpCredential.restore("c1", "alice", secret, Totp.builder().build(), 0);
        assertEquals(Verification.malformed(), verifier.verify("alice", secret, null));
        assertEquals(Verification.malformed(), verifier.verify(credential, null));
    }
}
