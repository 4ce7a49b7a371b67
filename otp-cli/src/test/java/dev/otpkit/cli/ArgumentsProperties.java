package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever is typed after {@code otp}, the command answers with an exit status of 0, 1 or 2 and
 * no stack trace, and never shows a {@code --secret} value on standard error.
 *
 * <p>The command lines mix the options the subcommands know, values that are valid, out of
 * range or garbled, and arbitrary text. Two things are left out on purpose: {@code backup}, whose
 * Argon2id hashing takes a second a run without touching more of the parser, and {@code --png},
 * which would write files into the working directory.
 */
class ArgumentsProperties {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @Property(tries = 400)
    void anyCommandLineExitsWithZeroOneOrTwoAndNoStackTrace(@ForAll("commandLines") List<String> args) {
        CommandRun run = CommandRun.of(Main::run, args.toArray(new String[0]));

        assertTrue(run.exit >= 0 && run.exit <= 2, "exit " + run.exit);
        assertNoStackTrace(run);
    }

    @Property(tries = 400)
    void standardErrorNeverShowsTheSecretGivenWithSecret(@ForAll("commandLines") List<String> args,
            @ForAll("secrets") String secret, @ForAll @IntRange(min = 1, max = 12) int at, @ForAll boolean joined) {
        List<String> withSecret = new ArrayList<>(args);
        int index = Math.min(at, withSecret.size());
        if (joined) {
            withSecret.add(index, "--secret=" + secret);
        } else {
            withSecret.addAll(index, List.of("--secret", secret));
        }

        CommandRun run = CommandRun.of(Main::run, withSecret.toArray(new String[0]));

        assertFalse(run.stderr.contains(secret), () -> "stderr shows the secret:\n" + run.stderr);
        assertNoStackTrace(run);
    }

    @Property(tries = 200)
    void standardErrorNeverShowsASecretPastedAsAnOption(@ForAll("commandLines") List<String> args,
            @ForAll("secrets") String secret, @ForAll @IntRange(min = 1, max = 12) int at) {
        List<String> withSecret = new ArrayList<>(args);
        withSecret.add(Math.min(at, withSecret.size()), "--" + secret);

        CommandRun run = CommandRun.of(Main::run, withSecret.toArray(new String[0]));

        assertFalse(run.stderr.contains(secret), () -> "stderr shows the secret:\n" + run.stderr);
    }

    private static void assertNoStackTrace(CommandRun run) {
        String output = run.stdout + run.stderr;
        assertFalse(output.contains("Exception") || output.contains("\tat "), () -> "a stack trace:\n" + output);
    }

    /** A subcommand (or a wrong one), then up to 12 arguments. */
    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> command = Arbitraries.of("enroll", "code", "verify", "uri", "help", "--help", "frob", "");
        Arbitrary<List<String>> rest = argument().list().ofMaxSize(12);
        return Combinators.combine(command, rest).as((first, more) -> {
            List<String> line = new ArrayList<>(List.of(first));
            line.addAll(more);
            return line;
        });
    }

    private static Arbitrary<String> argument() {
        Arbitrary<String> options = Arbitraries.of("--secret", "--time", "--algorithm", "--digits", "--period",
                "--counter", "--hotp", "--window", "--issuer", "--account", "--parse", "--count", "--help", "-h",
                "--", "-", "--digits=8", "--period=", "--hotp=1", "--unknown", "---");
        Arbitrary<String> values = Arbitraries.of("0", "1", "6", "8", "30", "-1", "86401", "253402300800",
                "99999999999999999999", "SHA256", "md5", "JBSWY3DPEHPK3PXP", "AA", "jbsw y3dp", "123456", "12 34 56",
                "", " ", "Demo", "a:b", "otpauth://totp/Demo:alice?secret=JBSWY3DPEHPK3PXP&period=60",
                "otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=9223372036854775807",
                "otpauth://totp/%E2%80%AE:%1B?secret=AA", "\u001B[2J", "\uFFFD", "\u202E");
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(24).filter(s -> !s.startsWith("--png"));
        return Arbitraries.frequencyOf(
                Tuple.of(4, options), Tuple.of(4, values), Tuple.of(2, text));
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withChars(BASE32).ofMinLength(16).ofMaxLength(32);
    }
}
