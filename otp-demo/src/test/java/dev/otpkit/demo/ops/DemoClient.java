package dev.otpkit.demo.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One person's browser on one demo instance, without the browser: its own cookies (so its own
 * session), forms posted with the CSRF token read from the form, redirects followed as a browser
 * follows them (a redirect after a POST is a GET).
 */
final class DemoClient {
    private static final int MAX_REDIRECTS = 10;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base the instance's address, such as {@code http://127.0.0.1:8080} */
    DemoClient(URI base) {
        this.base = base;
    }

    /** GET of a path (with its query, if any), redirects followed. */
    Page get(String path) {
        return follow(send(HttpRequest.newBuilder(base.resolve(path)).GET()));
    }

    /**
     * Submits a form of the page, as its submit button would.
     *
     * @param page the page the form is on
     * @param form the form's id, or its action for a form FLOWS.md names by action
     * @param fields the fields besides the CSRF token, in order
     * @return the page the browser ends on
     */
    Page submit(Page page, String form, Map<String, String> fields) {
        Page.Form target = page.form(form);
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("_csrf", target.csrf());
        String encoded = body.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(target.action())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))));
    }

    private Page follow(HttpResponse<String> response) {
        for (int redirects = 0; isRedirect(response.statusCode()); redirects++) {
            if (redirects == MAX_REDIRECTS) {
                throw new AssertionError("more than " + MAX_REDIRECTS + " redirects from " + response.uri());
            }
            response = send(HttpRequest.newBuilder(redirectTarget(response)).GET());
        }
        return new Page(response.uri(), response.statusCode(), response.body());
    }

    private static URI redirectTarget(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("a redirect without Location from " + response.uri())));
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303; // the demo answers a POST with one of these
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo at " + base + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
