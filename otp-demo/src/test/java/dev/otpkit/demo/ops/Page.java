package dev.otpkit.demo.ops;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page the demo served, read the way FLOWS.md describes it: elements by their {@code id}, their
 * text with tags removed and white space collapsed. The demo's pages are server-rendered HTML
 * without nested elements of one kind inside each other where the tests look, so a small scanner
 * does; it is no HTML parser.
 *
 * @param uri the address the page was served from, after redirects
 * @param status the HTTP status
 * @param html the body
 */
record Page(URI uri, int status, String html) {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /** The path and query, such as {@code /login/totp?error=replayed}. */
    String pathAndQuery() {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /**
     * The value of a query parameter of the page's address, such as {@code error}.
     *
     * @return the first value, decoded; empty if the address has no such parameter
     */
    Optional<String> parameter(String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /**
     * The text of the page's {@code <h1>}.
     *
     * @throws AssertionError if it has none
     */
    String heading() {
        Matcher heading = Pattern.compile("<h1\\b[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(html);
        if (!heading.find()) {
            throw missing("h1");
        }
        return textOf(heading.group(1));
    }

    /** Whether an element with this id is on the page. */
    boolean has(String id) {
        return element(id).isPresent();
    }

    /**
     * The text of the element with this id.
     *
     * @throws AssertionError if there is none, naming the page
     */
    String text(String id) {
        return textOf(inner(id));
    }

    /**
     * An attribute of the element with this id, unescaped.
     *
     * @throws AssertionError if the element or the attribute is missing
     */
    String attribute(String id, String name) {
        String tag = element(id).orElseThrow(() -> missing("#" + id)).group();
        return attributeOf(tag, name).orElseThrow(() -> missing("#" + id + "[" + name + "]"));
    }

    /** The texts of the {@code <li>} of the list with this id, in order. */
    List<String> listItems(String id) {
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("<li\\b[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(inner(id));
        while (item.find()) {
            items.add(textOf(item.group(1)));
        }
        return items;
    }

    /**
     * The form with this id, or else the form that posts to this path (FLOWS.md names some forms
     * by their action only).
     *
     * @throws AssertionError if there is none
     */
    Form form(String idOrAction) {
        Matcher form = Pattern.compile("<form\\b[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
        while (form.find()) {
            String tag = form.group().substring(0, form.group().indexOf('>') + 1);
            String action = attributeOf(tag, "action").orElse(uri.getRawPath());
            if (attributeOf(tag, "id").filter(idOrAction::equals).isPresent() || action.equals(idOrAction)) {
                String csrf = hiddenValue(form.group(1), "_csrf").orElseThrow(() -> missing("_csrf in form " + idOrAction));
                return new Form(uri.resolve(action), csrf);
            }
        }
        throw missing("form " + idOrAction);
    }

    private String inner(String id) {
        Matcher start = element(id).orElseThrow(() -> missing("#" + id));
        int end = html.indexOf("</" + start.group(1) + ">", start.end());
        if (end < 0) {
            throw new AssertionError("#" + id + " is not closed on " + pathAndQuery());
        }
        return html.substring(start.end(), end);
    }

    private Optional<Matcher> element(String id) {
        Matcher start = Pattern.compile("<([a-zA-Z0-9]+)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        return start.find() ? Optional.of(start) : Optional.empty();
    }

    private static Optional<String> hiddenValue(String formBody, String name) {
        Matcher input = Pattern.compile("<input\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(formBody);
        return input.find() ? attributeOf(input.group(), "value") : Optional.empty();
    }

    private static Optional<String> attributeOf(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? Optional.of(unescape(value.group(1))) : Optional.empty();
    }

    private static String textOf(String markup) {
        return unescape(WHITE_SPACE.matcher(TAG.matcher(markup).replaceAll("")).replaceAll(" ").trim());
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }

    private AssertionError missing(String what) {
        return new AssertionError("no " + what + " on " + pathAndQuery() + " (status " + status + ")");
    }

    /**
     * A form to submit: where it posts and the CSRF token it carries.
     *
     * @param action the absolute address it posts to
     * @param csrf the value of its hidden {@code _csrf} field
     */
    record Form(URI action, String csrf) {
        @Override
        public String toString() {
            return "Form[" + action + "]"; // not the token
        }
    }
}
