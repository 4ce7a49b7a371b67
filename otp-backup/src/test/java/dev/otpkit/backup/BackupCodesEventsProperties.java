package dev.otpkit.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.otpkit.backup.internal.SeededRandom;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.SecurityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Backup-code events never carry a code, typed or stored, nor its hash. */
class BackupCodesEventsProperties {

    @Property(tries = 100)
    void eventsHoldNoCodeNorHash(@ForAll long seed) {
        List<SecurityEvent> events = new ArrayList<>();
        BackupCodes backup = BackupCodes.builder().cost(BackupCodesTest.TEST_COST).count(2)
                .random(new SeededRandom(seed)).eventListener(events::add)
                .attemptLimiter(AttemptLimiter.inMemoryBuilder().failuresBeforeLock(2).build()).build();
        BackupCodeSet set = backup.generate("alice");
        String used = set.codes().get(0);
        String wrong = new StringBuilder(set.codes().get(1)).reverse().toString();
        backup.verify("alice", used);
        backup.verify("alice", used);
        backup.verify("alice", wrong);

        assertEquals(4, events.size(), events.toString());   // used, failed, failed, locked
        List<String> secrets = new ArrayList<>(set.hashes());
        for (String code : set.codes()) {
            secrets.add(code);
            secrets.add(code.replace("-", ""));
        }
        secrets.add(wrong);
        for (SecurityEvent event : events) {
            String text = (event + " " + event.accountId()).toUpperCase(Locale.ROOT);
            for (String secret : secrets) {
                assertFalse(text.contains(secret.toUpperCase(Locale.ROOT)), () -> "holds " + secret + ": " + text);
            }
        }
    }
}
