package ru.edu.decisions.tests.support;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client of the workspace's pages as a browser sends them (HTML accepted, cookies kept, redirects not
 * followed), signed in through the sign-in form; its forms carry the page's CSRF token. For role checks over many
 * pages, where driving Chromium would add nothing.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrf;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A request header sent with every request (e.g. an API key, to show that it opens no page). */
    public Browser withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Signs in through the sign-in form; fails unless it lands on a page of the workspace. */
    public Browser signIn(String username, String password) {
        get("/login");
        Page answer = post("/login", Map.of("username", username, "password", password));
        if (answer.status() != 302 || answer.location().endsWith("/login")) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + answer.status() + " " + answer.location());
        }
        get("/start");
        return this;
    }

    /** An answer: status, where it redirects to, the HTML. */
    public record Page(int status, String location, String body) {
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Posts a form with the CSRF token of the last page that had one. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        request.header("Accept", "text/html,application/xhtml+xml");
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1).replace("&#45;", "-");
            }
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
