package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;

/** The check that a message quotes no part of a secret long enough to matter. */
final class SecretLeaks {
    /** The shortest run of a secret's characters that counts as quoting it. */
    private static final int RUN = 8;

    private SecretLeaks() {
    }

    /** Fails if the message contains 8 or more consecutive characters of the secret, in any case. */
    static void assertQuotesNoRunOf(String secret, String message) {
        String lowerMessage = message.toLowerCase(Locale.ROOT);
        String lowerSecret = secret.toLowerCase(Locale.ROOT);
        for (int i = 0; i + RUN <= lowerSecret.length(); i++) {
            assertFalse(lowerMessage.contains(lowerSecret.substring(i, i + RUN)), "quotes the secret: " + message);
        }
    }
}
