package dev.otpkit.demo.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan the demo's log test relies on finds what it must, so that its "nothing found" means something. */
class LogScanTest {
    private static final String LOG = """
            2025-06-01T10:00:00.123Z  INFO 6543210 --- [main] d.o.demo.DemoApplication : Started
            DEBUG secret=jbsw y3dp ehpk 3pxp and code 123456, backup ABCDE12345
            """;

    @Test
    void findsASecretInAnotherCaseOrWithoutItsGroupingSpaces() {
        assertEquals(List.of("JBSWY3DPEHPK3PXP", "JBSW Y3DP EHPK 3PXP"),
                new LogScan(LOG).found(List.of("JBSWY3DPEHPK3PXP", "JBSW Y3DP EHPK 3PXP")));
    }

    @Test
    void findsABackupCodeWithOrWithoutItsHyphen() {
        assertEquals(List.of("ABCDE-12345"), new LogScan(LOG).found(List.of("ABCDE-12345")));
    }

    @Test
    void findsACodeStandingAloneButNotInsideALongerNumber() {
        assertEquals(List.of("123456"), new LogScan(LOG).found(List.of("123456", "654321", "543210")),
                "the two others are parts of the process id");
    }

    @Test
    void findsNothingInALogWithoutTheValues() {
        assertEquals(List.of(), new LogScan(LOG).found(List.of("correct horse battery", "999999", "ZZZZZ-99999")));
    }

    @Test
    void refusesValuesTooShortToMeanAnything() {
        assertThrows(IllegalArgumentException.class, () -> new LogScan(LOG).found(List.of("abc")));
    }
}
