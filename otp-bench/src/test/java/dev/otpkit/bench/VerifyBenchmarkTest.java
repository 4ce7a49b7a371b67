package dev.otpkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.GeneralSecurityException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every implementation the comparison measures gives the same answer in every scenario, so none
 * is credited for work it skips (googleauth, for one, refuses 000000 without computing).
 */
class VerifyBenchmarkTest {
    @ParameterizedTest(name = "window {0}, {1} code")
    @CsvSource({"0, right", "0, wrong", "1, right", "1, wrong", "3, right", "3, wrong"})
    void everyImplementationAgrees(int window, String code) throws GeneralSecurityException {
        VerifyBenchmark benchmark = new VerifyBenchmark();
        benchmark.window = window;
        benchmark.code = code;
        benchmark.setUp();
        boolean expected = code.equals("right");
        assertEquals(expected, benchmark.otpkit(), "otpkit");
        assertEquals(expected, benchmark.javaOtp(), "java-otp");
        assertEquals(expected, benchmark.googleauth(), "googleauth");
        assertEquals(expected, benchmark.otpJava(), "otp-java");
        assertEquals(expected, benchmark.samstevensTotp(), "totp");
        assertEquals(expected, benchmark.jcaReusedMac(), "JCA reused Mac");
        assertEquals(expected, benchmark.jdkClonedPads(), "JDK cloned pads");
    }

    @ParameterizedTest(name = "window {0}")
    @CsvSource({"0", "1", "3"})
    void theWrongCodeIsNotTheRightOneNorZero(int window) {
        assertNotEquals(Scenario.code("right"), Scenario.code("wrong"));
        assertNotEquals(0, Integer.parseInt(Scenario.code("wrong")));
    }
}
