package dev.otpkit.demo;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One person's browser over MockMvc: a session of its own, forms posted with the CSRF token,
 * redirects read rather than followed (the tests check where each step leads).
 */
final class Visitor {
    private final MockMvc mvc;
    private MockHttpSession session = new MockHttpSession();

    Visitor(MockMvc mvc) {
        this.mvc = mvc;
    }

    MockHttpServletResponse get(String path) throws Exception {
        return perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path));
    }

    /** The page's HTML; fails unless the answer is 200. */
    String page(String path) throws Exception {
        MockHttpServletResponse response = get(path);
        if (response.getStatus() != 200) {
            throw new AssertionError(path + " answered " + response.getStatus() + " " + response.getRedirectedUrl());
        }
        return response.getContentAsString();
    }

    /** Posts a form: parameters as name, value, name, value, ... */
    MockHttpServletResponse post(String path, String... parameters) throws Exception {
        MockHttpServletRequestBuilder request =
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(csrf());
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return perform(request);
    }

    /** Where a post leads: the redirect's target. */
    String postAndFollow(String path, String... parameters) throws Exception {
        String target = post(path, parameters).getRedirectedUrl();
        // A saved request comes back as an absolute URL.
        return target != null && target.startsWith("http://localhost/") ? target.substring(16) : target;
    }

    String sessionId() {
        return session.getId();
    }

    void forgetSession() {
        session = new MockHttpSession();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.session(session)).andReturn().getResponse();
        return response;
    }

    /** The text of the element with an id, tags removed; null if the page has no such element. */
    static String text(String html, String id) {
        Matcher element = Pattern.compile("<(\\w+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(html);
        return element.find() ? unescape(element.group(2).replaceAll("<[^>]+>", "").strip()) : null;
    }

    /** The first group of a pattern in a text; fails if absent. */
    static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + regex + " in " + text);
        }
        return matcher.group(1);
    }

    static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
