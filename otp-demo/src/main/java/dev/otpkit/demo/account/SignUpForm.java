package dev.otpkit.demo.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the sign-up form posts, checked: every rule answers with the word of its error message
 * (FLOWS.md), never with an exception.
 *
 * @param username 3 to 32 of a-z, 0-9, '.', '_', '-' (upper case is folded)
 * @param email contains '@', at most 254 chars
 * @param phone '+' and 8 to 15 digits, spaces ignored
 * @param password 12 to 128 chars
 */
public record SignUpForm(String username, String email, String phone, String password) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,32}");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]{8,15}");

    /** The username as stored: trimmed, lower case. */
    static String normalizeUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** The phone number as stored: without spaces. */
    static String normalizePhone(String phone) {
        return phone == null ? "" : phone.replace(" ", "");
    }

    /** Whether an email address looks deliverable enough for a demo: one '@' inside, at most 254 chars. */
    public static boolean isEmail(String email) {
        if (email == null) {
            return false;
        }
        String trimmed = email.strip();
        int at = trimmed.indexOf('@');
        return trimmed.length() <= 254 && at > 0 && at == trimmed.lastIndexOf('@') && at < trimmed.length() - 1
                && trimmed.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>');
    }

    /**
     * The first rule the form breaks.
     *
     * @return the error's word ({@code username}, {@code email}, {@code phone}, {@code password}), or null
     */
    String firstError() {
        if (!USERNAME.matcher(normalizeUsername(username)).matches()) {
            return "username";
        }
        if (!isEmail(email)) {
            return "email";
        }
        if (!PHONE.matcher(normalizePhone(phone)).matches()) {
            return "phone";
        }
        if (password == null || password.length() < 12 || password.length() > 128) {
            return "password";
        }
        return null;
    }
}
