package dev.otpkit.testkit;

import java.util.ArrayList;
import java.util.List;

/** Account ids, authenticator ids and scopes that a store must keep apart, though some look alike. */
final class Ids {
    /**
     * Distinct strings, each a key of its own: the empty string and blanks; the separators a
     * joined key would use; case, accents (precomposed and combining), trailing and leading
     * spaces, which case-insensitive, accent-insensitive or space-padding database collations
     * compare as equal; characters outside the Basic Multilingual Plane (four bytes in UTF-8);
     * a bidirectional control; SQL's wildcards and quotes.
     */
    static final List<String> UNUSUAL = List.of(
            "", " ", "  ", "\t",
            "/", ":", "|", "a/b", "a:b", "a|b",
            "alice", "Alice", "ALICE", "alice ", " alice",
            "\u00e9", "e\u0301", "E\u0301", "\u00c9",
            "\u00e5lice", "\u65e5\u672c\u8a9e", "\ud83d\udd11", "\ud83d\udd11\ud83d\udd11",
            "\u202eevil", "%", "_", "a%", "a_", "'", "\"", "\\", "'; --");

    private Ids() {
    }

    /**
     * Every string of up to two characters over {@code a}, {@code /} and {@code :}, the empty
     * string included: 13 ids. Paired with each other they give 169 distinct pairs, among them
     * pairs such as ({@code "a/"}, {@code ""}) and ({@code "a"}, {@code "/"}) that
     * {@code account + "/" + authenticator} would join into the same key.
     *
     * @return the ids, shortest first
     */
    static List<String> joinProbes() {
        String alphabet = "a/:";
        List<String> ids = new ArrayList<>(List.of(""));
        for (char first : alphabet.toCharArray()) {
            ids.add(String.valueOf(first));
        }
        for (char first : alphabet.toCharArray()) {
            for (char second : alphabet.toCharArray()) {
                ids.add("" + first + second);
            }
        }
        return List.copyOf(ids);
    }

    /**
     * Shows an id in a failure message: in quotes, with every character outside printable ASCII
     * written as a Java escape, so that blanks, accents and controls can be told apart.
     *
     * @param id the id
     * @return for example {@code "\"e\\u0301\""}
     */
    static String show(String id) {
        StringBuilder shown = new StringBuilder("\"");
        for (char c : id.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                shown.append(c);
            } else {
                shown.append(String.format("\\u%04x", (int) c));
            }
        }
        return shown.append('"').toString();
    }
}
