package dev.otpkit.bench;

import dev.otpkit.backup.BackupCodeSet;
import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.AttemptLimiter;
import java.util.concurrent.TimeUnit;
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
 * How long one backup-code attempt takes at the default Argon2id cost (m=19456 KiB, t=2, p=1),
 * for a set of one code and of the maximum 100 codes: the cost is one Argon2id evaluation
 * whatever the size of the set. The attempt is a wrong code, so nothing is consumed; attempt
 * limiting is left out, as it would lock the account after a few calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BackupCodeBenchmark {
    private static final String ACCOUNT = "alice";

    /** Codes in the account's set. */
    @Param({"10", "100"})
    public int count;

    private BackupCodes backupCodes;
    private String wrongCode;

    /** Made by JMH, once per trial (or per thread, for thread-scoped state). */
    public BackupCodeBenchmark() {
    }

    /**
     * Makes a set for the account and a well-formed code that is not in it.
     *
     * @throws IllegalStateException if the made-up code happens to be in the set
     */
    @Setup
    public void setUp() {
        backupCodes = BackupCodes.builder().count(count).attemptLimiter(AttemptLimiter.none()).build();
        BackupCodeSet set = backupCodes.generate(ACCOUNT);
        wrongCode = "K7QX2-M9TZD";
        if (set.codes().contains(wrongCode)) {
            throw new IllegalStateException("the wrong code is in the set; run again");
        }
    }

    /**
     * Verifies a wrong code.
     *
     * @return whether it was accepted (never)
     */
    @Benchmark
    public boolean verifyWrongCode() {
        return backupCodes.verify(ACCOUNT, wrongCode).isValid();
    }
}
