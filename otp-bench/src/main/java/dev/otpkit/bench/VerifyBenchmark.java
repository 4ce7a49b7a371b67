package dev.otpkit.bench;

import com.bastiaanjansen.otp.TOTPGenerator;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.warrenstrange.googleauth.GoogleAuthenticatorConfig;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long one TOTP verification takes: otpkit beside the peer libraries and two JCA
 * baselines, all on the same secret, instant, code and window ({@link Scenario}). Each peer is
 * called through its own public verification API where it has one; java-otp has none, so it is
 * measured with the best loop around its generator.
 *
 * <p>A wrong code is the worst case (no implementation can stop early), so it is the headline
 * figure. Every implementation is checked in {@link #setUp()} to accept the right code and
 * refuse the wrong one, so all of them do the work they are credited with.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class VerifyBenchmark {
    /** Steps accepted each side of the current one. */
    @Param({"1", "0", "3"})
    public int window;

    /** {@code wrong} (matches no step of the window) or {@code right} (the current step's code). */
    @Param({"wrong", "right"})
    public String code;

    private OtpSecret secret;
    private TotpVerifier otpkit;
    private TimeBasedOneTimePasswordGenerator javaOtp;
    private Key javaOtpKey;
    private Instant[] javaOtpWindow;
    private GoogleAuthenticator googleauth;
    private TOTPGenerator otpJava;
    private DefaultCodeVerifier samstevens;
    private JcaBaselines.WindowCheck jcaReusedMac;
    private JcaBaselines.WindowCheck jdkClonedPads;

    /** Made by JMH, once per trial (or per thread, for thread-scoped state). */
    public VerifyBenchmark() {
    }

    /**
     * Prepares every implementation once, outside the measurement, and checks that each one
     * gives the expected answer for this trial's code.
     *
     * @throws GeneralSecurityException if the JDK lacks SHA-1 or HmacSHA1
     * @throws IllegalStateException if an implementation disagrees with the expected answer
     */
    @Setup
    public void setUp() throws GeneralSecurityException {
        code = Scenario.code(code);
        secret = OtpSecret.fromBytes(Scenario.SECRET);
        otpkit = TotpVerifier.builder(Totp.builder().build())
                .window(window, window)
                .clock(Clock.fixed(Scenario.TIME, ZoneOffset.UTC))
                .build();
        setUpPeers();
        jcaReusedMac = JcaBaselines.reusedMac(Scenario.SECRET);
        jdkClonedPads = JcaBaselines.clonedPads(Scenario.SECRET);
        checkAgreement();
    }

    private void setUpPeers() {
        javaOtp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(Scenario.PERIOD_SECONDS), Scenario.DIGITS);
        javaOtpKey = new SecretKeySpec(Scenario.SECRET, javaOtp.getAlgorithm());
        javaOtpWindow = new Instant[2 * window + 1];
        for (int i = 0; i < javaOtpWindow.length; i++) {
            javaOtpWindow[i] = Scenario.TIME.plusSeconds((long) (i - window) * Scenario.PERIOD_SECONDS);
        }
        googleauth = new GoogleAuthenticator(new GoogleAuthenticatorConfig.GoogleAuthenticatorConfigBuilder()
                .setWindowSize(2 * window + 1)
                .build());
        // otp-java takes the secret as Base32 text, and its default algorithm is SHA-1 (a
        // constant it marks deprecated); checkAgreement proves both.
        otpJava = new TOTPGenerator.Builder(Scenario.SECRET_BASE32)
                .withHOTPGenerator(hotp -> hotp.withPasswordLength(Scenario.DIGITS))
                .withPeriod(Duration.ofSeconds(Scenario.PERIOD_SECONDS))
                .withClock(Clock.fixed(Scenario.TIME, ZoneOffset.UTC))
                .build();
        samstevens = new DefaultCodeVerifier(new DefaultCodeGenerator(), Scenario.TIME::getEpochSecond);
        samstevens.setTimePeriod(Scenario.PERIOD_SECONDS);
        samstevens.setAllowedTimePeriodDiscrepancy(window);
    }

    private void checkAgreement() throws GeneralSecurityException {
        boolean expected = code.equals(Scenario.code("right"));
        boolean[] answers = {otpkit(), javaOtp(), googleauth(), otpJava(), samstevensTotp(), jcaReusedMac(),
            jdkClonedPads()};
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] != expected) {
                throw new IllegalStateException("implementation number " + (i + 1) + " answered " + answers[i]
                        + " for the " + (expected ? "right" : "wrong") + " code");
            }
        }
    }

    /**
     * otpkit: {@link TotpVerifier#verify(OtpSecret, CharSequence)} with a pre-parsed secret.
     *
     * @return whether the code was accepted
     */
    @Benchmark
    public boolean otpkit() {
        return otpkit.verify(secret, code).isValid();
    }

    /**
     * com.eatthepath:java-otp 0.4.0: its generator over the window's instants, prepared in
     * advance, stopping at the first match.
     *
     * @return whether the code was accepted
     * @throws GeneralSecurityException never for this key
     */
    @Benchmark
    public boolean javaOtp() throws GeneralSecurityException {
        int given = Integer.parseInt(code);
        for (Instant time : javaOtpWindow) {
            if (javaOtp.generateOneTimePassword(javaOtpKey, time) == given) {
                return true;
            }
        }
        return false;
    }

    /**
     * com.warrenstrange:googleauth 1.5.0: {@code authorize(secret, code, time)}.
     *
     * @return whether the code was accepted
     */
    @Benchmark
    public boolean googleauth() {
        return googleauth.authorize(Scenario.SECRET_BASE32, Integer.parseInt(code), Scenario.TIME.toEpochMilli());
    }

    /**
     * com.github.bastiaanjansen:otp-java 2.1.0: {@code verify(code, window)} on a fixed clock.
     *
     * @return whether the code was accepted
     */
    @Benchmark
    public boolean otpJava() {
        return otpJava.verify(code, window);
    }

    /**
     * dev.samstevens.totp:totp 1.7.1: {@code isValidCode(secret, code)} on a fixed time.
     *
     * @return whether the code was accepted
     */
    @Benchmark
    public boolean samstevensTotp() {
        return samstevens.isValidCode(Scenario.SECRET_BASE32, code);
    }

    /**
     * Baseline: one JCA HmacSHA1 {@code Mac}, initialised once, re-used for each step.
     *
     * @return whether the code was accepted
     * @throws GeneralSecurityException never for this key
     */
    @Benchmark
    public boolean jcaReusedMac() throws GeneralSecurityException {
        return jcaReusedMac.matches(Integer.parseInt(code), Scenario.STEP - window, Scenario.STEP + window);
    }

    /**
     * Baseline: the JDK's SHA-1 with the HMAC pads hashed once, cloned for each step.
     *
     * @return whether the code was accepted
     * @throws GeneralSecurityException never for this key
     */
    @Benchmark
    public boolean jdkClonedPads() throws GeneralSecurityException {
        return jdkClonedPads.matches(Integer.parseInt(code), Scenario.STEP - window, Scenario.STEP + window);
    }
}
