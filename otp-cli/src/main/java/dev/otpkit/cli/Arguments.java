package dev.otpkit.cli;

import dev.otpkit.core.HmacAlgorithm;
import dev.otpkit.core.Hotp;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The arguments of one subcommand: {@code --name value} or {@code --name=value} options,
 * {@code --name} flags and positional arguments, with typed readers for the options the
 * subcommands share; {@code --} ends the options, so that a positional argument may start with
 * {@code -}. Error messages never quote an argument or a value, either of which could be a
 * secret or a code pasted in the wrong place; they give its position (counted from 1) instead,
 * and name an unknown option only when it is too short to be a secret (see {@link #safeToName}).
 */
final class Arguments {
    /** Latest instant accepted by {@code --time}: the last second of the year 9999. */
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;
    /** Longest {@code --period}: otp-core's, the same for its builders and for otpauth URIs. */
    private static final int MAX_PERIOD_SECONDS = Math.toIntExact(Totp.MAX_PERIOD.toSeconds());
    /** Marks the end of the options, as in POSIX utilities. */
    private static final String END_OF_OPTIONS = "--";
    /**
     * An unknown option is named only if it looks like a typed option name: a letter, then at
     * most 14 letters, digits or hyphens. That is shorter than the shortest secret in use (16
     * Base32 characters, 80 bits), and a code cannot start with a letter.
     */
    private static final Pattern OPTION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,14}");

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flagsGiven = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private boolean help;

    private Arguments() {
    }

    /**
     * Splits the arguments.
     *
     * @param args what follows the subcommand name
     * @param valueOptions names (without "--") of the options that take a value
     * @param flags names of the options that take none
     */
    static Arguments parse(String[] args, Set<String> valueOptions, Set<String> flags) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(END_OF_OPTIONS)) {
                parsed.positional.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                parsed.help = true;
            } else if (arg.startsWith("--")) {
                i = parsed.readOption(args, i, valueOptions, flags);
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    /** Reads the option at {@code args[i]}; returns the index of its last argument (its value's). */
    private int readOption(String[] args, int i, Set<String> valueOptions, Set<String> flags) throws UsageException {
        String arg = args[i];
        int equals = arg.indexOf('=');
        String name = arg.substring(2, equals < 0 ? arg.length() : equals);
        if (flags.contains(name) && equals < 0) {
            flagsGiven.add(name);
            return i;
        }
        if (!valueOptions.contains(name)) {
            throw new UsageException("unknown option " + (safeToName(name) ? "--" + name + " " : "")
                    + "(argument " + (i + 1) + " after the command); this command takes "
                    + optionList(valueOptions, flags));
        }
        String value;
        int last = i;
        if (equals >= 0) {
            value = arg.substring(equals + 1);
        } else if (i + 1 < args.length) {
            value = args[++last];
        } else {
            throw new UsageException("option --" + name + " needs a value");
        }
        if (values.put(name, value) != null) {
            throw new UsageException("option --" + name + " is given more than once");
        }
        return last;
    }

    /**
     * Whether an unknown option's name (what follows "--", before any '=') may be shown: a
     * secret pasted after "--" must not reach standard error, where terminals and CI logs keep it.
     */
    static boolean safeToName(String name) {
        return OPTION_NAME.matcher(name).matches();
    }

    /** The options a command takes, sorted, for example {@code "--count"}. */
    private static String optionList(Set<String> valueOptions, Set<String> flags) {
        Set<String> names = new TreeSet<>(valueOptions);
        names.addAll(flags);
        return names.isEmpty() ? "no options" : "--" + String.join(", --", names);
    }

    boolean helpRequested() {
        return help;
    }

    boolean flag(String name) {
        return flagsGiven.contains(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    /** Refuses arguments that are not options; their text is not echoed, it could be a secret. */
    void requireNoPositional() throws UsageException {
        if (!positional.isEmpty()) {
            throw new UsageException(positional.size() + " unexpected argument(s) that are not options"
                    + " (options start with --)");
        }
    }

    /** The one argument that is not an option, such as verify's CODE. */
    String single(String what) throws UsageException {
        if (positional.size() != 1) {
            throw new UsageException("expected " + what + ", got " + positional.size()
                    + " arguments that are not options");
        }
        return positional.get(0);
    }

    long number(String name, long fallback, long min, long max) throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the allowed range.
        }
        // The value is not echoed: a code typed after the wrong option would land on stderr.
        throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max);
    }

    /** {@code --secret}, lenient Base32; secrets shorter than 128 bits are read, as old ones are. */
    OtpSecret secret() throws UsageException {
        try {
            return OtpSecret.fromBase32Legacy(required("secret"));
        } catch (IllegalArgumentException e) {
            // OtpSecret's messages give positions only, never the secret.
            throw new UsageException("--secret is not a valid Base32 secret: " + e.getMessage());
        }
    }

    /** {@code --algorithm}, {@code --digits} and {@code --period} as a TOTP generator. */
    Totp totp() throws UsageException {
        return Totp.builder().algorithm(algorithm()).digits(digits()).period(period()).build();
    }

    /** {@code --algorithm} and {@code --digits} as an HOTP generator. */
    Hotp hotp() throws UsageException {
        return Hotp.builder().algorithm(algorithm()).digits(digits()).build();
    }

    private HmacAlgorithm algorithm() throws UsageException {
        String name = value("algorithm", HmacAlgorithm.SHA1.uriName());
        return HmacAlgorithm.fromUriName(name).orElseThrow(() ->
                new UsageException("--algorithm must be SHA1, SHA256 or SHA512"));
    }

    private int digits() throws UsageException {
        return (int) number("digits", Hotp.MIN_DIGITS, Hotp.MIN_DIGITS, Hotp.MAX_DIGITS);
    }

    private Duration period() throws UsageException {
        return Duration.ofSeconds(number("period", 30, 1, MAX_PERIOD_SECONDS));
    }

    /** {@code --time} in seconds since the Unix epoch, or now. */
    Instant time() throws UsageException {
        return has("time") ? Instant.ofEpochSecond(number("time", 0, 0, MAX_EPOCH_SECONDS)) : Instant.now();
    }
}
