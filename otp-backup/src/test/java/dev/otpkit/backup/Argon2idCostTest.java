package dev.otpkit.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2idCostTest {

    @ParameterizedTest
    @CsvSource({"47104, 1", "19456, 2", "12288, 3", "9216, 4", "7168, 5", "65536, 3", "7168, 64"})
    void acceptsEachOfOwaspsMinimumConfigurationsAndStronger(int memoryKiB, int iterations) {
        Argon2idCost cost = Argon2idCost.of(memoryKiB, iterations, 1);

        assertTrue(cost.meetsOwaspMinimum());
        assertEquals(memoryKiB, cost.memoryKiB());
        assertEquals(iterations, cost.iterations());
    }

    @ParameterizedTest
    @CsvSource({"47103, 1", "19455, 2", "19456, 1", "12287, 3", "9215, 4", "7167, 5", "7167, 64"})
    void refusesCostsBelowOwaspsMinimum(int memoryKiB, int iterations) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Argon2idCost.of(memoryKiB, iterations, 1));
        assertTrue(thrown.getMessage().startsWith("Argon2id cost m=" + memoryKiB + " KiB, t=" + iterations
                + " is below OWASP's minimum: use at least m=47104,t=1 or m=19456,t=2"), thrown.getMessage());
    }

    @Test
    void allowsWeakCostsOnlyThroughTheTestingFactory() {
        Argon2idCost weak = Argon2idCost.forTesting(8, 1, 1);

        assertFalse(weak.meetsOwaspMinimum());
        assertEquals("Argon2idCost[m=8,t=1,p=1]", weak.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "19456 | 2 | 0  | Argon2id parallelism must be 1 to 16, was 0",
        "19456 | 0 | 1  | Argon2id iterations must be 1 to 64, was 0",
        "19456 | 65| 1  | Argon2id iterations must be 1 to 64, was 65",
        "1048577 | 2 | 1 | Argon2id memory must be 8 KiB per lane (8) to 1048576 KiB, was 1048577",
    })
    void refusesParametersArgon2CannotUse(int memoryKiB, int iterations, int parallelism, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> Argon2idCost.forTesting(memoryKiB, iterations, parallelism)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Argon2idCost.of(memoryKiB, iterations, parallelism));
    }

    @Test
    void equalsTheCostOfTheSameThreeParametersOnly() {
        Argon2idCost cost = Argon2idCost.forTesting(64, 2, 1);

        assertEquals(Argon2idCost.forTesting(64, 2, 1), cost);
        assertEquals(Argon2idCost.forTesting(64, 2, 1).hashCode(), cost.hashCode());
        assertNotEquals(Argon2idCost.forTesting(72, 2, 1), cost);
        assertNotEquals(Argon2idCost.forTesting(64, 3, 1), cost);
        assertNotEquals(Argon2idCost.forTesting(64, 2, 2), cost);
        assertNotEquals(cost, (Object) "Argon2idCost[m=64,t=2,p=1]");
    }

    @Test
    void hashesDifferentCostsDifferently() {
        Set<Integer> hashCodes = new HashSet<>();
        for (int memoryKiB = 16; memoryKiB <= 24; memoryKiB++) {
            for (int iterations = 1; iterations <= 3; iterations++) {
                for (int parallelism = 1; parallelism <= 2; parallelism++) {
                    hashCodes.add(Argon2idCost.forTesting(memoryKiB, iterations, parallelism).hashCode());
                }
            }
        }
        assertEquals(9 * 3 * 2, hashCodes.size());
    }

    @Test
    void defaultsToOwaspsMinimum() {
        assertEquals(Argon2idCost.of(19456, 2, 1), Argon2idCost.OWASP_MINIMUM);
        assertEquals(Argon2idCost.OWASP_MINIMUM, BackupCodes.builder().build().cost());
    }
}
