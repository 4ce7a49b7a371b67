package dev.otpkit.demo.login;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The words of the pages' {@code ?error=} parameters and the sentences they stand for (FLOWS.md). */
public final class Texts {
    /** Times on the pages: {@code HH:mm:ss UTC}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** Dates and times on the pages: {@code yyyy-MM-dd HH:mm:ss UTC}. */
    public static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** A code that could not be checked, on every page. */
    public static final String UNAVAILABLE = "We could not check the code just now. Try again in a moment.";
    static final String REPLAYED_TOTP = "That code was already used. Wait for the next code and try again.";
    /** A locked account ({@code %s}: the lock's end), on every page. */
    public static final String LOCKED = "Too many wrong codes. Sign-in with this account is locked until %s.";

    static final Map<String, String> CODE_PAGE = Map.of(
            "invalid", "That code is wrong. Check your authenticator app and try again.",
            "backup_invalid", "That backup code is wrong or was already used.",
            "malformed", "That is not a code. Enter the 6 digits your app shows, or a backup code in its own field.",
            "replayed", REPLAYED_TOTP,
            "locked", LOCKED,
            "unavailable", UNAVAILABLE);

    static final Map<String, String> EMAIL_PAGE = Map.of(
            "invalid", "That code is wrong. Check the newest email from us and try again.",
            "malformed", "That is not a code. Enter the 6 digits from the email.",
            "expired", "That code has expired or was replaced by a newer one. Send yourself a new code.",
            "replayed", "That code was already used.",
            "other_action", "That code was sent for another action, not for signing in. Use the code from the sign-in"
                    + " email.",
            "locked", LOCKED,
            "unavailable", UNAVAILABLE);

    static final Map<String, String> ENROLL_PAGE = Map.of(
            "invalid", "That code is wrong. Check that your app shows the account you just added, and try again.",
            "malformed", "That is not a code. Enter the 6 digits your app shows.",
            "replayed", REPLAYED_TOTP,
            "locked", LOCKED,
            "expired", "This set-up has expired. Scan the new QR code below.",
            "already_confirmed", "This set-up was already confirmed.",
            "unavailable", UNAVAILABLE);

    private Texts() {
    }

    /**
     * The sentence of an error word on a page.
     *
     * @param texts the page's sentences
     * @param word the {@code error} parameter, or null
     * @param until the {@code until} parameter (epoch seconds) of a lock, or null
     * @return the sentence, or null if there is no error; an unknown word reads as {@code invalid}
     */
    public static String error(Map<String, String> texts, String word, String until) {
        if (word == null) {
            return null;
        }
        String text = texts.getOrDefault(word, texts.get("invalid"));
        if (text.contains("%s")) {
            text = String.format(text, lockEnd(until));
        }
        return text;
    }

    private static String lockEnd(String until) {
        try {
            return TIME.format(Instant.ofEpochSecond(Long.parseLong(until)));
        } catch (RuntimeException e) {
            return "later";
        }
    }
}
