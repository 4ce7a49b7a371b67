package dev.otpkit.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The PHC strings verify with the reference implementation of Argon2, run as Debian's
 * {@code argon2} command ({@code apt-get install argon2}). The command takes the salt as an
 * argument, which cannot hold arbitrary bytes, so these sets are made with a random source
 * whose bytes are ASCII letters and digits; the hashing is the same as for any salt.
 */
class IndependentArgon2Test {

    @Test
    void referenceImplementationReproducesHashesAtTheDefaultCost() throws Exception {
        assertReferenceReproduces(BackupCodes.builder().count(2).random(new AlphanumericRandom()).build());
    }

    @Test
    void referenceImplementationReproducesHashesWithSeveralLanesAndPasses() throws Exception {
        assertReferenceReproduces(BackupCodes.builder().count(2).random(new AlphanumericRandom())
                .cost(Argon2idCost.forTesting(1024, 3, 2)).build());
    }

    /** Checks every hash of a new set of {@code backup} against the reference implementation. */
    static void assertReferenceReproduces(BackupCodes backup) throws Exception {
        BackupCodeSet set = backup.generate();
        Argon2idCost cost = backup.cost();
        for (int i = 0; i < set.codes().size(); i++) {
            String phc = set.hashes().get(i);
            String salt = new String(Base64.getDecoder().decode(phc.split("\\$")[4]), StandardCharsets.US_ASCII);
            String hashed = set.codes().get(i).replace("-", "");

            assertEquals(phc, referenceArgon2id(hashed, salt, cost));
            assertNotEquals(phc, referenceArgon2id(hashed.toLowerCase(), salt, cost), "not the normalised code");
        }
    }

    /** Runs {@code argon2 SALT -id -t T -k M -p P -l 32 -e} with the password on stdin. */
    private static String referenceArgon2id(String password, String salt, Argon2idCost cost)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("argon2", salt, "-id",
                "-t", Integer.toString(cost.iterations()), "-k", Integer.toString(cost.memoryKiB()),
                "-p", Integer.toString(cost.parallelism()), "-l", "32", "-e"))
                .redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(password.getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "argon2 did not finish");
        assertEquals(0, process.exitValue(), "argon2 failed: " + output);
        return output;
    }

    /** A {@link SecureRandom} whose bytes are all ASCII letters or digits. */
    static final class AlphanumericRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private final SecureRandom source = new SecureRandom();

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ALPHANUMERIC.charAt(source.nextInt(ALPHANUMERIC.length()));
            }
        }
    }
}
