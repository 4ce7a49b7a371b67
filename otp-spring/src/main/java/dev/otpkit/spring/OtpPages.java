package dev.otpkit.spring;

import java.util.List;
import java.util.Map;

/**
 * The generated default pages: plain HTML with no script and no template engine, in the manner
 * of Spring Security's generated login page. Every value that reaches a page is escaped.
 */
final class OtpPages {
    private static final Map<String, String> ERRORS = Map.of(
            "invalid", "That code is not right.",
            "malformed", "That is not a code: type the digits your app shows.",
            "replayed", "That code was used already. Wait for the next one.",
            "locked", "Too many wrong codes. Try again later.",
            "expired", "That code has expired. Ask for a new one.",
            "unavailable", "Codes cannot be checked just now. Try again in a moment.",
            "already_confirmed", "This enrolment was confirmed already.");

    private OtpPages() {
    }

    static String codePage(String processingUrl, Csrf csrf, String error, boolean backupCodes, String emailPage) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Two-step verification</h1>\n").append(errorLine(error));
        body.append(form(processingUrl, csrf, "code", "Code from your authenticator app", "one-time-code", "Verify"));
        if (backupCodes) {
            body.append("<h2>Lost your device?</h2>\n");
            body.append(form(processingUrl, csrf, "backup_code", "Backup code", "off", "Use backup code"));
        }
        if (emailPage != null) {
            body.append("<p><a href=\"").append(escape(emailPage)).append("\">Get a code by email instead</a></p>\n");
        }
        return page("Two-step verification", body);
    }

    static String emailCodePage(String processingUrl, String sendUrl, Csrf csrf, String error, boolean sent) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Code by email</h1>\n").append(errorLine(error));
        if (sent) {
            body.append("<p class=\"sent\">We sent you a code.</p>\n");
        }
        body.append("<form method=\"post\" action=\"").append(escape(sendUrl)).append("\">\n")
                .append(csrf.input()).append("<button type=\"submit\">Send me a code</button>\n</form>\n");
        body.append(form(processingUrl, csrf, "code", "Code from the email", "one-time-code", "Verify"));
        return page("Code by email", body);
    }

    static String enrollmentPage(String confirmUrl, Csrf csrf, String qrDataUri, String secret, String error) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Set up your authenticator app</h1>\n").append(errorLine(error));
        body.append("<p>Scan this code with your authenticator app:</p>\n<img alt=\"QR code\" src=\"")
                .append(escape(qrDataUri)).append("\">\n");
        body.append("<p>Or type this key: <code>").append(escape(secret)).append("</code></p>\n");
        body.append(form(confirmUrl, csrf, "code", "Code your app shows now", "one-time-code", "Confirm"));
        return page("Set up your authenticator app", body);
    }

    static String backupCodesPage(List<String> codes, String continueUrl) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Your authenticator app is set up</h1>\n");
        if (!codes.isEmpty()) {
            body.append("<p>Keep these backup codes somewhere safe. Each works once; they are shown only now.</p>\n");
            body.append("<ul class=\"backup-codes\">\n");
            for (String code : codes) {
                body.append("<li><code>").append(escape(code)).append("</code></li>\n");
            }
            body.append("</ul>\n");
        }
        body.append("<p><a href=\"").append(escape(continueUrl)).append("\">Continue</a></p>\n");
        return page("Authenticator app set up", body);
    }

    private static String form(String action, Csrf csrf, String field, String label, String autocomplete,
            String button) {
        return "<form method=\"post\" action=\"" + escape(action) + "\">\n"
                + "<label for=\"" + field + "\">" + label + "</label>\n"
                + "<input type=\"text\" id=\"" + field + "\" name=\"" + field + "\" autocomplete=\"" + autocomplete
                + "\" inputmode=\"text\" required autofocus>\n"
                + csrf.input()
                + "<button type=\"submit\">" + button + "</button>\n</form>\n";
    }

    private static String errorLine(String error) {
        if (error == null) {
            return "";
        }
        return "<p class=\"error\" role=\"alert\">" + ERRORS.getOrDefault(error, ERRORS.get("invalid")) + "</p>\n";
    }

    private static String page(String title, CharSequence body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + "</title>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    /** Escapes text for an HTML element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The request's CSRF token as a hidden input, or nothing if CSRF protection is off. */
    record Csrf(String parameterName, String token) {
        static final Csrf NONE = new Csrf(null, null);

        String input() {
            if (parameterName == null) {
                return "";
            }
            return "<input type=\"hidden\" name=\"" + escape(parameterName) + "\" value=\"" + escape(token) + "\">\n";
        }
    }
}
