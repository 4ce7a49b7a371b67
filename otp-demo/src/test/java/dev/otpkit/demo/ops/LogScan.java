package dev.otpkit.demo.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Looks for secret values in a process's log, in the forms a careless log line would show them:
 * as given, in lower and upper case, without the spaces or hyphens a page groups them with.
 * A value of digits only (a code) counts where it stands alone, not inside a longer number such
 * as a process id, which would make the scan fail by chance.
 */
final class LogScan {
    private final String log;
    private final String squeezedLog;

    /** @param log the captured text */
    LogScan(String log) {
        this.log = log.toLowerCase(Locale.ROOT);
        this.squeezedLog = squeeze(this.log);
    }

    /**
     * The values of {@code secrets} the log shows.
     *
     * @param secrets the values to look for; each at least 4 characters, as a shorter one would be found by chance
     * @return the values found, in the order given; empty if the log shows none
     * @throws IllegalArgumentException if a value is shorter than 4 characters
     */
    List<String> found(Collection<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            if (secret.length() < 4) {
                throw new IllegalArgumentException("a value to look for must have at least 4 characters");
            }
            if (shows(secret.toLowerCase(Locale.ROOT))) {
                found.add(secret);
            }
        }
        return found;
    }

    private boolean shows(String secret) {
        if (secret.chars().allMatch(Character::isDigit)) {
            return Pattern.compile("(?<![0-9])" + secret + "(?![0-9])").matcher(log).find();
        }
        return log.contains(secret) || squeezedLog.contains(squeeze(secret));
    }

    /** Without the separators pages and URIs put into secrets: spaces, hyphens, '=' padding. */
    private static String squeeze(String text) {
        return text.replace(" ", "").replace("-", "").replace("=", "");
    }
}
