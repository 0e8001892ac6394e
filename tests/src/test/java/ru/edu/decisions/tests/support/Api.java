package ru.edu.decisions.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the running service: real requests, JSON in, status and JSON out. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Api(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    private Api(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A copy of this client that sends the given header with every request. */
    public Api withHeader(String name, String value) {
        Api copy = new Api(baseUrl, http);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    /** A copy of this client whose requests come from the given client address (X-Forwarded-For, as via a proxy). */
    public Api from(String address) {
        return withHeader("X-Forwarded-For", address);
    }

    /** A system's client: every request carries the API key. */
    public static Api withKey(String baseUrl, String key) {
        return new Api(baseUrl).withHeader("X-API-Key", key);
    }

    /**
     * A person's client: a browser-like session (cookies) signed in with the form login; every request carries the
     * session's CSRF token as a browser UI would.
     */
    public static Api signIn(String baseUrl, String username, String password) {
        return browser(baseUrl).signIn(username, password);
    }

    /** This browser-like client signed in (see {@link #signIn(String, String, String)}). */
    public Api signIn(String username, String password) {
        Api session = this;
        Response login = session.login(username, password);
        if (login.status() != 200) {
            throw new IllegalStateException("Login of " + username + " failed: " + login);
        }
        return session.withHeader("X-CSRF-TOKEN", login.json().get("csrf").get("token").asString());
    }

    /** A new anonymous browser-like session (cookies kept). */
    public static Api browser(String baseUrl) {
        return new Api(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new java.net.CookieManager()).build());
    }

    /** The form login of this session: fetches the CSRF token, then posts the credentials as a form. */
    public Response login(String username, String password) {
        Response session = get("/api/v1/session");
        String token = session.json().get("csrf").get("token").asString();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/session/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The answer: HTTP status, content type and body (parsed when it is JSON). */
    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        public Response(int status, String contentType, String body) {
            this(status, contentType, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Response post(String path, Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    public Response post(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response put(String path, Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** A file sent as the multipart part {@code file}. */
    public record Upload(String filename, byte[] bytes) {
    }

    /** POSTs a file as {@code multipart/form-data} with one part named {@code file}. */
    public Response upload(String path, Upload file) {
        String boundary = "----e2e" + java.util.UUID.randomUUID().toString().replace("-", "");
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.filename()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file.bytes());
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** A binary response: status, content type and the bytes. */
    public record Download(int status, String contentType, byte[] bytes, String disposition) {
    }

    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Content-Disposition").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request with the given method, path and (optional) JSON body or {@link Upload}. */
    public Response call(String method, String path, Object body) {
        if (body instanceof Upload upload) {
            return upload(path, upload);
        }
        return switch (method) {
            case "GET" -> get(path);
            case "PUT" -> put(path, body == null ? "{}" : body);
            case "POST" -> body == null ? post(path) : post(path, body);
            case "DELETE" -> delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    public Response send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        if (request.copy().build().headers().firstValue("Accept").isEmpty()) {
            request.header("Accept", "application/json, application/problem+json");
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
