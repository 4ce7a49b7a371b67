package dev.otpkit.backup;

import static dev.otpkit.core.SecurityEvent.Kind.ACCOUNT_LOCKED;
import static dev.otpkit.core.SecurityEvent.Kind.SECOND_FACTOR_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.SecurityEvent;
import dev.otpkit.core.SecurityEventListener;
import dev.otpkit.core.StoreFullException;
import dev.otpkit.core.Verification.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which security events backup codes report, and when they report none. */
class BackupCodesEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String WRONG = "00000-00000";

    private final List<SecurityEvent> events = new ArrayList<>();
    private final SecurityEventListener listener = events::add;

    private BackupCodes.Builder builder() {
        return BackupCodes.builder().cost(BackupCodesTest.TEST_COST).count(3).clock(CLOCK).eventListener(listener);
    }

    private List<SecurityEvent> take() {
        List<SecurityEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    @Test
    void reportsEachUsedCodeWithHowManyAreLeft() {
        BackupCodes backup = builder().build();
        List<String> codes = backup.generate("alice").codes();
        for (int used = 1; used <= 3; used++) {
            assertEquals(Status.VALID, backup.verify("alice", codes.get(used - 1)).status());
            assertEquals(List.of(SecurityEvent.backupCodeUsed("alice", NOW, 3 - used)), take());
        }
    }

    @Test
    void reportsWrongCodesAndTheLockTheyStartOnTheBuildersClock() {
        BackupCodes backup = builder().build();  // the default limiter: 5 failures lock for 15 minutes
        backup.generate("alice");
        for (int i = 0; i < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; i++) {
            assertEquals(Status.INVALID, backup.verify("alice", WRONG).status());
        }
        List<SecurityEvent> reported = take();
        assertEquals(List.of(SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED,
                SECOND_FACTOR_FAILED, ACCOUNT_LOCKED), reported.stream().map(SecurityEvent::kind).toList());
        assertEquals(SecurityEvent.of(SECOND_FACTOR_FAILED, "alice", NOW), reported.get(0));
        assertEquals(SecurityEvent.accountLocked("alice", NOW, NOW.plus(AttemptLimiter.DEFAULT_FIRST_LOCK)),
                reported.get(5));

        assertEquals(Status.LOCKED, backup.verify("alice", WRONG).status());
        assertEquals(List.of(), take(), "a refusal of a locked account reports nothing");
    }

    @Test
    void reportsAReusedCodeAsAFailure() {
        BackupCodes backup = builder().build();
        String code = backup.generate("alice").codes().get(0);
        backup.verify("alice", code);
        take();
        assertEquals(Status.INVALID, backup.verify("alice", code).status());
        assertEquals(List.of(SecurityEvent.of(SECOND_FACTOR_FAILED, "alice", NOW)), take());
    }

    @Test
    void reportsNothingForMalformedInputOrAFullStore() {
        FailingStore store = new FailingStore();
        BackupCodes backup = builder().store(store).build();
        String code = backup.generate("alice").codes().get(0);
        assertEquals(Status.MALFORMED, backup.verify("alice", "not a code").status());
        store.fail(FailingStore.Operation.REMOVE, new StoreFullException("a test store", 1));
        assertEquals(Status.UNAVAILABLE, backup.verify("alice", code).status());
        store.fail(FailingStore.Operation.REMOVE, null).fail(FailingStore.Operation.READ,
                new StoreFullException("a test store", 1));
        assertEquals(Status.UNAVAILABLE, backup.verify("alice", WRONG).status());
        assertEquals(List.of(), take());
    }

    @Test
    void aListenerThatThrowsReachesTheCallerAndTheCodeStaysUsed() {
        BackupCodes backup = builder().eventListener(event -> {
            throw new IllegalStateException("listener failed");
        }).build();
        String code = backup.generate("alice").codes().get(0);

        assertThrows(IllegalStateException.class, () -> backup.verify("alice", code));
        assertEquals(2, backup.remaining("alice"), "used up before the listener was told");
    }

    @Test
    void refusesANullClockOrListener() {
        assertThrows(NullPointerException.class, () -> BackupCodes.builder().clock(null));
        assertThrows(NullPointerException.class, () -> BackupCodes.builder().eventListener(null));
    }
}
