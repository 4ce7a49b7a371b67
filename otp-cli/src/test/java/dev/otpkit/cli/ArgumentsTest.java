package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentsTest {
    private static final Set<String> VALUE_OPTIONS = Set.of("secret", "window");
    private static final Set<String> FLAGS = Set.of("hotp");

    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(args, VALUE_OPTIONS, FLAGS);
    }

    private static String refusal(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void doubleDashEndsTheOptionsSoACodeMayStartWithAHyphen() throws UsageException {
        Arguments arguments = parse("--secret", "S", "--", "-123456");

        assertEquals("-123456", arguments.single("CODE"));
        assertEquals("S", arguments.value("secret", null));
    }

    @Test
    void takesEverythingAfterDoubleDashAsItIsEvenOptionsAndHelp() throws UsageException {
        Arguments arguments = parse("--", "--window", "--help", "--");

        assertFalse(arguments.helpRequested());
        assertFalse(arguments.has("window"));
        UsageException tooMany = assertThrows(UsageException.class, () -> arguments.single("CODE"));
        assertEquals("expected CODE, got 3 arguments that are not options", tooMany.getMessage());
    }

    @Test
    void readsDoubleDashAsTheValueOfAnOptionThatTakesOne() throws UsageException {
        assertEquals("--", parse("--secret", "--").value("secret", null));
    }

    @Test
    void namesAnUnknownOptionThatLooksLikeATypedName() {
        assertEquals("unknown option --windw (argument 3 after the command); this command takes --hotp, --secret,"
                + " --window", refusal("--secret", "S", "--windw", "2"));
        assertTrue(refusal("--count=5").startsWith("unknown option --count (argument 1 after"),
                "the name before '=' is named, never the value");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",   // a 160-bit secret pasted after "--"
        "--JBSWY3DPEHPK3PXP",                   // an 80-bit one: 16 characters
        "--jbswy3dpehpk3pxp",
        "--123456",                             // a code
        "--pass word",
        "--caf\u00E9",
        "--\u001B[2J",
        "---",
        "--=GEZDGNBVGY3TQOJQ",
    })
    void doesNotNameAnUnknownOptionThatCouldBeASecretOrACode(String arg) {
        String message = refusal("--secret", "S", arg);

        assertEquals("unknown option (argument 3 after the command); this command takes --hotp, --secret, --window",
                message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"colour", "count", "Issuer", "issuer-name", "sha256", "abcdefghijklmno"})
    void namesAreSafeToShowWhenShortAndStartingWithALetter(String name) {
        assertTrue(Arguments.safeToName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abcdefghijklmnop", "1digit", "-dash", "with space", "\u00E9t\u00E9", "a=b", "a\nb"})
    void namesAreNotSafeToShowWhenLongOrNotAPlainAsciiWord(String name) {
        assertFalse(Arguments.safeToName(name), name);
    }
}
