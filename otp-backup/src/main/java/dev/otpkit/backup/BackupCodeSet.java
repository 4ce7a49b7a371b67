package dev.otpkit.backup;

import java.util.List;

/**
 * A new set of backup codes: the plain codes, to show the user once, and their hashes, the
 * only thing to store. Immutable. The two lists are in the same order.
 *
 * <p>otpkit keeps no copy of the plain codes; {@link #toString()} does not show them.
 */
public final class BackupCodeSet {
    private final List<String> codes;
    private final List<String> hashes;

    BackupCodeSet(List<String> codes, List<String> hashes) {
        this.codes = List.copyOf(codes);
        this.hashes = List.copyOf(hashes);
    }

    /**
     * Returns the plain codes, for the user to write down; do not store or log them.
     *
     * @return the codes, each two groups of five symbols joined by '-', such as
     *     {@code K7QX2-M9TZD}; an unmodifiable list
     */
    public List<String> codes() {
        return codes;
    }

    /**
     * Returns the Argon2id PHC strings of the codes, what a {@link BackupCodeStore} keeps.
     * Each is {@code $argon2id$v=19$m=...,t=...,p=...$salt$hash} of the code in upper case
     * without separator, so any Argon2 implementation verifies it; all share one salt.
     *
     * @return the hashes, in the order of {@link #codes()}; an unmodifiable list
     */
    public List<String> hashes() {
        return hashes;
    }

    /**
     * Describes the set without any code.
     *
     * @return for example {@code "BackupCodeSet[10 codes]"}
     */
    @Override
    public String toString() {
        return "BackupCodeSet[" + codes.size() + " codes]";
    }
}
