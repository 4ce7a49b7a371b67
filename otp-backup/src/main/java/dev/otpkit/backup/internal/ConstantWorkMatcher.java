package dev.otpkit.backup.internal;

import java.util.List;
import java.util.function.Function;

/**
 * Finds which of an account's stored hashes a code matches, doing work that depends only on the
 * configuration, never on what the account stores: no set, 1 code or 100, used up, made at an
 * earlier cost, or unreadable. Immutable and thread-safe if its parser and Argon2id function are.
 *
 * <p>Every call reads exactly {@code slots} PHC strings: the stored ones, then a decoy string for
 * each slot the account does not fill. It then evaluates Argon2id once at each accepted cost, in
 * the order given: with the set's salt at the set's cost, with a zero salt at every other. Last
 * it compares the output with the hash of every slot in constant time, without stopping at a
 * match.
 *
 * <p>Why one evaluation per accepted cost rather than one at the set's cost: Argon2id at one cost
 * cannot be derived from Argon2id at another, so a set made before a cost change can only be
 * checked at its own cost, and an account without codes has no cost of its own. Were only the
 * set's cost evaluated, an old, cheaper set would answer faster than the decoy of an account
 * without codes. Evaluating every accepted cost on every attempt makes all accounts cost the
 * same, at the price of one more evaluation per previous cost until it is dropped. Re-hashing an
 * old set on its next success cannot work here: all codes of a set share one salt and only the
 * code just used up is known, and sets that are never used would keep the old cost.
 */
public final class ConstantWorkMatcher {
    /** What {@link #indexOfMatch} returns when no stored hash matches. */
    public static final int NO_MATCH = -1;

    private final int slots;
    private final Argon2idHash[] decoys;
    /** What an empty slot reads: the decoy of the first cost, as a PHC string. */
    private final String emptySlot;
    private final Argon2idFunction argon2;
    private final Function<String, Argon2idHash> parser;

    /**
     * Makes a matcher.
     *
     * @param slots the PHC strings read per call: the most hashes a set may have, 1 or more
     * @param decoys one {@link Argon2idHash#decoy} per accepted cost, each cost once, the cost of
     *     new sets first
     * @param argon2 the Argon2id implementation
     * @param parser reads a PHC string, as {@link Argon2idHash#parse} does
     * @throws IllegalArgumentException if {@code slots} is less than 1 or {@code decoys} is empty
     */
    public ConstantWorkMatcher(int slots, List<Argon2idHash> decoys, Argon2idFunction argon2,
            Function<String, Argon2idHash> parser) {
        if (slots < 1 || decoys.isEmpty()) {
            throw new IllegalArgumentException("a matcher needs 1 slot or more and 1 cost or more");
        }
        this.slots = slots;
        this.decoys = decoys.toArray(new Argon2idHash[0]);
        this.emptySlot = this.decoys[0].toPhcString();
        this.argon2 = argon2;
        this.parser = parser;
    }

    /**
     * Finds the stored hash that {@code password} matches.
     *
     * @param stored the account's PHC strings, empty if it has no codes
     * @param password the canonical code bytes
     * @return the index in {@code stored} of the hash that matches, or {@link #NO_MATCH}
     * @throws IllegalStateException if {@code stored} is not one set this matcher can check: more
     *     than {@code slots} hashes, a string that is not a usable Argon2id PHC string, hashes with
     *     different salts or costs, or a cost that is not accepted; thrown after the same work
     */
    public int indexOfMatch(List<String> stored, byte[] password) {
        Argon2idHash[] slotHashes = readSlots(stored);
        String problem = problem(stored.size(), slotHashes);
        // Without codes, slot 0 holds the first decoy: evaluating "the set" then is the decoy evaluation.
        byte[] candidate = evaluateEveryCost(problem != null ? null : slotHashes[0], password);
        int matched = NO_MATCH;
        // Compare with every slot, not stopping at a match, so timing does not tell which matched.
        for (int i = 0; i < slots; i++) {
            Argon2idHash slot = slotHashes[i] != null ? slotHashes[i] : decoys[0];
            if (slot.matches(candidate) && i < stored.size() && matched == NO_MATCH) {
                matched = i;
            }
        }
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return matched;
    }

    private Argon2idHash[] readSlots(List<String> stored) {
        Argon2idHash[] slotHashes = new Argon2idHash[slots];
        for (int i = 0; i < slots; i++) {
            slotHashes[i] = parser.apply(i < stored.size() ? stored.get(i) : emptySlot);
        }
        return slotHashes;
    }

    /**
     * Says why the stored hashes cannot be checked, or returns null. Looks at every slot, and
     * builds a message only for a problem, so a usable set of any size costs the same.
     */
    private String problem(int size, Argon2idHash[] slotHashes) {
        Argon2idHash first = slotHashes[0] != null ? slotHashes[0] : decoys[0];
        int unfit = NO_MATCH;
        for (int i = 0; i < slots; i++) {
            boolean fits = slotHashes[i] != null && slotHashes[i].sharesSaltAndCost(first);
            if (!fits && i < size && unfit == NO_MATCH) {
                unfit = i;
            }
        }
        if (size > slots) {
            return "the account has more than " + slots
                    + " stored backup code hashes; store only whole sets made by BackupCodes";
        }
        if (unfit != NO_MATCH) {
            return slotHashes[unfit] == null
                    ? "stored backup code hash number " + (unfit + 1)
                            + " is not an Argon2id (v=19) PHC string with usable parameters"
                    : "stored backup code hashes are not one set: hash number " + (unfit + 1)
                            + " has another salt or cost than the first; store only whole sets made by BackupCodes";
        }
        // An account without codes reads the first decoy, whose cost is accepted.
        if (!accepts(first)) {
            return "stored backup codes are hashed at " + first.cost() + ", which is neither the cost of this"
                    + " BackupCodes nor one of its previous costs: list it with Builder.previousCosts";
        }
        return null;
    }

    private boolean accepts(Argon2idHash hash) {
        for (Argon2idHash decoy : decoys) {
            if (decoy.sharesCost(hash)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Evaluates Argon2id once at every accepted cost: with the set's salt at its cost, with the
     * decoy's elsewhere.
     *
     * @param set the first hash of a usable set (the first decoy for an account without codes), or
     *     null if the stored hashes are unusable
     * @return the output at the set's cost, or the decoy output at the first cost if there is no set
     */
    private byte[] evaluateEveryCost(Argon2idHash set, byte[] password) {
        byte[] candidate = null;
        for (Argon2idHash decoy : decoys) {
            boolean real = set != null && decoy.sharesCost(set);
            byte[] output = (real ? set : decoy).rehash(argon2, password);
            if (real || candidate == null) {
                candidate = output;
            }
        }
        return candidate;
    }
}
