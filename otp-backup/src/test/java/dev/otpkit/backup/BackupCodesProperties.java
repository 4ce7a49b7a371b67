package dev.otpkit.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.backup.IndependentArgon2Test.AlphanumericRandom;
import dev.otpkit.backup.internal.Argon2idHash;
import dev.otpkit.backup.internal.SeededRandom;
import dev.otpkit.backup.internal.TypedCodes;
import dev.otpkit.backup.internal.TypedCodes.Typing;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.Verification.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Backup codes against a model of what the README promises: which input verifies, that a code
 * is consumed once, that the stored hashes read back as written and agree with the reference
 * Argon2. Hashing runs at the test cost; sets are drawn from a seeded random source, so a
 * failing try replays with the same codes.
 */
class BackupCodesProperties {
    private static final String ALICE = "alice";
    private static final int CODES = 3;

    private static BackupCodes.Builder builder(long seed) {
        return BackupCodes.builder().cost(BackupCodesTest.TEST_COST).count(CODES)
                .random(new SeededRandom(seed))
                .attemptLimiter(AttemptLimiter.inMemoryBuilder().failuresBeforeLock(100).build());
    }

    @Property(tries = 300)
    void verifiesACodeTypedAnyWayTheReadmeAllowsExactlyOnce(
            @ForAll("seeds") long seed, @ForAll(supplier = TypedCodes.Typings.class) Typing typing, @ForAll @IntRange(max = CODES - 1) int which) {
        BackupCodes backup = builder(seed).build();
        String typed = typing.type(backup.generate(ALICE).codes().get(which));

        assertEquals(Status.VALID, backup.verify(ALICE, typed).status(), typed);
        assertEquals(Status.INVALID, backup.verify(ALICE, typed).status(), typed);
        assertEquals(CODES - 1, backup.remaining(ALICE));
    }

    @Property(tries = 300)
    void anyTextIsValidOnlyAsAnUnusedCodeAndNeverThrows(@ForAll("seeds") long seed, @ForAll(supplier = TypedCodes.AnyText.class) String text) {
        BackupCodes backup = builder(seed).build();
        Set<String> unused = canonical(backup.generate(ALICE).codes());

        assertAnswersAsTheReadmeReads(backup, unused, text);
        assertEquals(unused.size(), backup.remaining(ALICE));
    }

    @Property(tries = 300)
    void anEditedCodeIsValidOnlyIfItStillReadsAsAnUnusedCode(@ForAll("seeds") long seed, @ForAll(supplier = TypedCodes.Typings.class) Typing typing,
            @ForAll @IntRange(max = CODES - 1) int which, @ForAll("edits") Edit edit) {
        BackupCodes backup = builder(seed).build();
        List<String> codes = backup.generate(ALICE).codes();
        assertTrue(backup.verify(ALICE, codes.get(0)).isValid(), "the first code is used up before the edit");
        Set<String> unused = canonical(codes.subList(1, CODES));

        assertAnswersAsTheReadmeReads(backup, unused, edit.apply(typing.type(codes.get(which))));
        assertEquals(unused.size(), backup.remaining(ALICE));
    }

    @Property(tries = 100)
    void everyCodeIsAcceptedOnceInAnySequenceOfGenerateVerifyAndRevoke(
            @ForAll("seeds") long seed, @ForAll @Size(max = 12) List<@From("operations") Operation> operations) {
        BackupCodes backup = builder(seed).build();
        Model model = new Model();
        for (Operation operation : operations) {
            operation.applyTo(backup, model);
            for (String account : Operation.ACCOUNTS) {
                assertEquals(model.unused(account).size(), backup.remaining(account), account + " after " + operation);
            }
        }
    }

    @Property(tries = 25)
    void concurrentAttemptsAcceptEachPickedCodeExactlyOnce(
            @ForAll("seeds") long seed, @ForAll @Size(min = 2, max = 8) List<@IntRange(max = CODES - 1) Integer> picks)
            throws Exception {
        BackupCodes backup = builder(seed).build();
        List<String> codes = backup.generate(ALICE).codes();
        AtomicInteger thread = new AtomicInteger();

        List<Integer> accepted = new ArrayList<>(Race.run(picks.size(), () -> {
            int pick = picks.get(thread.getAndIncrement());
            return backup.verify(ALICE, codes.get(pick)).isValid() ? pick : null;
        }));
        accepted.removeIf(Objects::isNull);
        accepted.sort(null);

        assertEquals(List.copyOf(new TreeSet<>(picks)), accepted, "each picked code accepted once, by one thread");
        assertEquals(CODES - accepted.size(), backup.remaining(ALICE));
    }

    @Property
    void phcStringsReadBackAsTheyWereWritten(@ForAll("hashes") Argon2idHash written) {
        String phc = written.toPhcString();
        Argon2idHash read = Argon2idHash.parse(phc);

        assertNotNull(read, phc);
        assertEquals(phc, read.toPhcString());
        assertTrue(read.sharesSaltAndCost(written), phc);
    }

    @Property
    void readingAnyTextNeverThrowsAndWhatItAcceptsWritesBackTheSame(@ForAll("storedText") String text) {
        Argon2idHash read = Argon2idHash.parse(text);

        if (read != null) {
            String written = read.toPhcString();
            assertEquals(written, Argon2idHash.parse(written).toPhcString(), text);
        }
    }

    @Property(tries = 30)
    void everyHashOfASetIsAPhcStringOfTheSetsOneSaltAndCost(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 12) int count) {
        BackupCodes backup = builder(seed).count(count).build();
        List<String> hashes = backup.generate().hashes();
        Argon2idHash first = Argon2idHash.parse(hashes.get(0));

        assertEquals(count, new HashSet<>(hashes).size());
        for (String phc : hashes) {
            Argon2idHash read = Argon2idHash.parse(phc);
            assertNotNull(read, phc);
            assertEquals(phc, read.toPhcString());
            assertTrue(read.sharesSaltAndCost(first), phc);
        }
        assertNotEquals(hashes.get(0).split("\\$")[4], backup.generate().hashes().get(0).split("\\$")[4],
                "each set draws its own salt");
    }

    /** Calls the {@code argon2} program through {@link IndependentArgon2Test}, so keeps to a few tries. */
    @Property(tries = 8)
    void referenceArgon2ReproducesTheHashesAtAnySmallCost(@ForAll @IntRange(min = 1, max = 4) int lanes,
            @ForAll @IntRange(min = 1, max = 3) int passes, @ForAll @IntRange(max = 200) int extraKiB) throws Exception {
        IndependentArgon2Test.assertReferenceReproduces(BackupCodes.builder().count(2).random(new AlphanumericRandom())
                .cost(Argon2idCost.forTesting(8 * lanes + extraKiB, passes, lanes)).build());
    }

    /** Verifies {@code text} and checks the answer against the README's reading of it. */
    private static void assertAnswersAsTheReadmeReads(BackupCodes backup, Set<String> unused, String text) {
        String reading = TypedCodes.reference(text);
        Status expected = reading == null ? Status.MALFORMED : unused.remove(reading) ? Status.VALID : Status.INVALID;

        assertEquals(expected, backup.verify(ALICE, text).status(), () -> "text of " + text.length() + " chars");
    }

    private static Set<String> canonical(List<String> displayed) {
        Set<String> codes = new HashSet<>();
        displayed.forEach(code -> codes.add(code.replace("-", "")));
        return codes;
    }

    /** Seeds of the random source: any is as good as another, so no edge cases to multiply the others'. */
    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().withoutEdgeCases();
    }


    @Provide
    Arbitrary<Edit> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.of(true, false),
                Arbitraries.oneOf(Arbitraries.chars(), Arbitraries.chars().with(TypedCodes.ALPHABET + "oOiIlLuU -\t")))
                .as(Edit::new);
    }

    @Provide
    Arbitrary<Operation> operations() {
        return Combinators.combine(Arbitraries.of(Operation.Kind.class), Arbitraries.of(Operation.ACCOUNTS),
                Arbitraries.of(0, 1), Arbitraries.integers().between(0, CODES - 1)).as(Operation::new);
    }

    @Provide
    Arbitrary<Argon2idHash> hashes() {
        Arbitrary<Integer> lanes = Arbitraries.integers().between(1, Argon2idHash.MAX_PARALLELISM);
        return lanes.flatMap(p -> Combinators.combine(
                Arbitraries.integers().between(8 * p, Argon2idHash.MAX_MEMORY_KIB),
                Arbitraries.integers().between(1, Argon2idHash.MAX_ITERATIONS),
                Arbitraries.bytes().array(byte[].class).ofMinSize(8).ofMaxSize(64),
                Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(64))
                .as((m, t, salt, hash) -> new Argon2idHash(m, t, p, salt, hash)));
    }

    /** Stored text: any text, and PHC strings with one char inserted, replaced or removed. */
    @Provide
    Arbitrary<String> storedText() {
        Arbitrary<String> edited = Combinators.combine(hashes().map(Argon2idHash::toPhcString),
                edits(), Arbitraries.of(true, false))
                .as((phc, edit, remove) -> remove ? edit.remove(phc) : edit.apply(phc));
        return Arbitraries.oneOf(Arbitraries.strings().all(), edited, hashes().map(Argon2idHash::toPhcString));
    }

    /** Inserts or replaces one char, at a position taken modulo the text's length. */
    record Edit(int position, boolean insert, char c) {
        String apply(String text) {
            int at = position % (text.length() + (insert ? 1 : 0));
            return text.substring(0, at) + c + text.substring(insert ? at : at + 1);
        }

        String remove(String text) {
            int at = position % text.length();
            return text.substring(0, at) + text.substring(at + 1);
        }
    }

    /** One step of a session: what it does to the real backup codes and to the model. */
    record Operation(Kind kind, String account, int setAge, int index) {
        static final List<String> ACCOUNTS = List.of("alice", "bob");

        enum Kind { GENERATE, VERIFY, VERIFY_WRONG, REVOKE }

        void applyTo(BackupCodes backup, Model model) {
            switch (kind) {
                case GENERATE -> model.issue(account, backup.generate(account).codes());
                case REVOKE -> {
                    backup.revoke(account);
                    model.revoke(account);
                }
                case VERIFY -> model.issued(account, setAge, index).ifPresent(code -> assertEquals(
                        model.use(account, code) ? Status.VALID : Status.INVALID,
                        backup.verify(account, code.toLowerCase()).status(), this::toString));
                case VERIFY_WRONG -> assertEquals(Status.INVALID, backup.verify(account, "00000-00000").status());
            }
        }
    }

    /** What each account should have: its sets, newest first, and its unused codes. */
    static final class Model {
        private final Map<String, List<List<String>>> sets = new HashMap<>();
        private final Map<String, Set<String>> unused = new HashMap<>();

        void issue(String account, List<String> codes) {
            sets.computeIfAbsent(account, a -> new ArrayList<>()).add(0, codes);
            unused.put(account, new HashSet<>(codes));
        }

        void revoke(String account) {
            unused.remove(account);
        }

        Optional<String> issued(String account, int age, int index) {
            List<List<String>> issued = sets.getOrDefault(account, List.of());
            return age < issued.size() ? Optional.of(issued.get(age).get(index)) : Optional.empty();
        }

        boolean use(String account, String code) {
            return unused(account).remove(code);
        }

        Set<String> unused(String account) {
            return unused.computeIfAbsent(account, a -> new HashSet<>());
        }
    }
}
