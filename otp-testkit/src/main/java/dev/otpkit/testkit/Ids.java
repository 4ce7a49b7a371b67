package dev.otpkit.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The longest id that every store must keep exactly, in chars (UTF-16 units), as the SPIs'
     * javadoc says.
     */
    static final int LONGEST_KEPT = 255;

    /**
     * Ids at the limits of what a store must keep and beyond: 255 chars of one, four (a pair of
     * chars each) and three bytes in UTF-8, which every store keeps; one char more, and 5,000
     * chars; U+0000 alone and at each end and in the middle; unpaired surrogates, high and low,
     * alone, at each end and in the wrong order.
     */
    private static final List<String> AT_AND_BEYOND_THE_LIMITS = List.of(
            "a".repeat(LONGEST_KEPT), "\ud83d\udd11".repeat(127) + "k", "\u20ac".repeat(LONGEST_KEPT),
            "a".repeat(LONGEST_KEPT + 1), "\ud83d\udd11".repeat(128), "\u20ac".repeat(LONGEST_KEPT + 1), "x".repeat(5_000),
            "\u0000", "a\u0000", "\u0000a", "a\u0000b",
            "\ud83d", "\udd11", "a\ud800", "\udc00a", "a\udc00\ud800b");

    private Ids() {
    }

    /**
     * Ids at and beyond the limits of what every store must keep exactly, each after the ids
     * that a store which changed it to keep it would turn it into ({@link #lookalikes}): every
     * one distinct from every other.
     *
     * @return the ids, about 40
     */
    static List<String> hardIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : AT_AND_BEYOND_THE_LIMITS) {
            ids.addAll(lookalikes(id));
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /**
     * Tells whether the SPIs let a store refuse {@code id}: it is longer than 255 chars, holds
     * U+0000 or is not well-formed Unicode (holds an unpaired surrogate, which UTF-8 cannot
     * encode, so that it does not survive the round trip).
     *
     * @param id the id
     * @return {@code true} if a store may refuse it with {@code IllegalArgumentException}
     */
    static boolean mayBeRefused(String id) {
        return id.length() > LONGEST_KEPT || id.indexOf('\0') >= 0 || !id.equals(new String(id.getBytes(UTF_8), UTF_8));
    }

    /**
     * The ids a store that changes what it cannot keep would turn {@code id} into: cut to 255
     * chars, to 255 bytes of UTF-8 or by one char; cut at or stripped of U+0000; its unpaired
     * surrogates replaced by {@code ?} or U+FFFD, or dropped.
     *
     * @param id the id
     * @return the ids, none equal to {@code id}
     */
    static Set<String> lookalikes(String id) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(id.substring(0, Math.min(id.length(), LONGEST_KEPT)));
        forms.add(firstUtf8Bytes(id, LONGEST_KEPT));
        forms.add(id.substring(0, Math.max(0, id.length() - 1)));
        int nul = id.indexOf('\0');
        if (nul >= 0) {
            forms.add(id.substring(0, nul));
            forms.add(id.replace("\0", ""));
        }
        for (String replacement : List.of("?", "\ufffd", "")) {
            forms.add(replaceUnpairedSurrogates(id, replacement));
        }
        forms.remove(id);
        return forms;
    }

    /** The longest start of {@code id} whose UTF-8 fits in {@code maxBytes}, whole code points only. */
    private static String firstUtf8Bytes(String id, int maxBytes) {
        StringBuilder start = new StringBuilder();
        int bytes = 0;
        for (int codePoint : id.codePoints().toArray()) {
            bytes += new String(Character.toChars(codePoint)).getBytes(UTF_8).length;
            if (bytes > maxBytes) {
                break;
            }
            start.appendCodePoint(codePoint);
        }
        return start.toString();
    }

    private static String replaceUnpairedSurrogates(String id, String replacement) {
        StringBuilder replaced = new StringBuilder();
        // codePoints() pairs the surrogates it can and yields an unpaired one as its own value.
        id.codePoints().forEach(codePoint -> {
            if (codePoint <= Character.MAX_VALUE && Character.isSurrogate((char) codePoint)) {
                replaced.append(replacement);
            } else {
                replaced.appendCodePoint(codePoint);
            }
        });
        return replaced.toString();
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
     * written as a Java escape, so that blanks, accents and controls can be told apart; an id
     * longer than 24 chars by its first 12 and its length.
     *
     * @param id the id
     * @return for example {@code "\"e\\u0301\""}
     */
    static String show(String id) {
        if (id.length() > 24) {
            return show(id.substring(0, 12)) + "... (" + id.length() + " chars)";
        }
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
