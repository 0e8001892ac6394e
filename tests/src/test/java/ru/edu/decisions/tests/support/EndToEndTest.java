package ru.edu.decisions.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.edu.decisions.service.DecisionServiceApplication;

/**
 * The running service on a random port, on a real PostgreSQL (never the embedded database), deciding with the rule
 * base shipped inside the application (a test that edits rules gives its application a copy of its own). Where PostgreSQL is: E2E_DB_URL, E2E_DB_USER, E2E_DB_PASSWORD (defaults: the database
 * scripts/local-postgres.sh creates). If it cannot be reached the suite fails — it does not skip.
 */
@SpringBootTest(classes = DecisionServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EndToEndTest {

    /** As scripts/local-postgres.sh creates it: E2E_DB_NAME on E2E_DB_PORT, unless E2E_DB_URL says otherwise. */
    public static final String DB_URL = env("E2E_DB_URL",
            "jdbc:postgresql://localhost:" + env("E2E_DB_PORT", "5432") + "/" + env("E2E_DB_NAME", "decisions_e2e"));
    public static final String DB_USER = env("E2E_DB_USER", "decisions");
    public static final String DB_PASSWORD = env("E2E_DB_PASSWORD", "decisions");

    static {
        resetDatabase();
    }

    /** The first administrator's password and the integration key the test application is configured with. */
    public static final String ADMIN_PASSWORD = "e2e-admin-password";
    public static final String INTEGRATION_KEY = "e2e-integration-key-0123456789abcdef";
    /** The password of every user the tests create. */
    public static final String PASSWORD = "e2e-user-password";

    private static final java.util.Map<String, Boolean> CREATED_USERS = new java.util.concurrent.ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    /** An IMC methodist of every jurisdiction (session). */
    protected Api api;
    /** A system calling the decision endpoints with the integration key (every scope, every jurisdiction). */
    protected Api system;
    /** The first administrator (session). */
    protected Api admin;

    @BeforeEach
    void connect() {
        admin = Api.signIn(baseUrl(), "admin", ADMIN_PASSWORD);
        system = Api.withKey(baseUrl(), INTEGRATION_KEY);
        api = user("e2e-methodist", List.of("IMC_STAFF"), List.of("*"));
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A signed-in session of a user with these roles and jurisdictions, created through the admin API once per application. */
    protected Api user(String username, List<String> roles, List<String> jurisdictions) {
        CREATED_USERS.computeIfAbsent(port + "/" + username, key -> {
            Api.Response created = admin.post("/api/v1/admin/users", java.util.Map.of("username", username,
                    "password", PASSWORD, "roles", roles, "jurisdictions", jurisdictions));
            if (created.status() != 201 && created.status() != 409) {
                throw new IllegalStateException("Cannot create user " + username + ": " + created);
            }
            return true;
        });
        return Api.signIn(baseUrl(), username, PASSWORD);
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB_URL);
        registry.add("spring.datasource.username", () -> DB_USER);
        registry.add("spring.datasource.password", () -> DB_PASSWORD);
        registry.add("decisions.security.admin-username", () -> "admin");
        registry.add("decisions.security.admin-password", () -> ADMIN_PASSWORD);
        registry.add("decisions.security.api-key", () -> INTEGRATION_KEY);
        // As behind a reverse proxy: the client address comes from X-Forwarded-For (trusted from localhost only), so
        // a test that fails logins on purpose does it from an address of its own (Api#from) and the login throttle
        // of one test never blocks the sign-ins of the others.
        registry.add("server.forward-headers-strategy", () -> "native");
    }

    /** A client address of its own for a test that fails logins on purpose (see {@link Api#from}). */
    protected static String ownAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.18." + n / 250 % 250 + "." + (1 + n % 250); // the benchmarking range, never a real client
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger(1);

    /** The id of a user, from the administrators' list. */
    protected String userId(String username) {
        for (tools.jackson.databind.JsonNode user : admin.get("/api/v1/admin/users").json()) {
            if (user.get("username").asString().equals(username)) {
                return user.get("id").asString();
            }
        }
        throw new IllegalStateException("No user " + username);
    }

    /**
     * Changes the database directly — for states the API no longer lets anyone create (e.g. an account stored
     * before a rule was enforced).
     */
    protected static void sql(String statement, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
             java.sql.PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh copy of the repository's rule base (the jurisdiction folders and common/). */
    public static Path copyOfShippedRules() {
        Path source = Path.of("..", "rules").toAbsolutePath().normalize();
        try {
            Path target = Files.createTempDirectory("e2e-rules-");
            try (Stream<Path> folders = Files.list(source)) {
                for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("manifest.yaml"))
                        || f.getFileName().toString().equals("common")).toList()) {
                    Path copy = Files.createDirectories(target.resolve(folder.getFileName().toString()));
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            Files.copy(file, copy.resolve(file.getFileName().toString()));
                        }
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the rule base from " + source, e);
        }
    }

    /** Drops everything in the test database once per run, so Flyway migrates it from scratch. */
    private static void resetDatabase() {
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("The end-to-end suite needs PostgreSQL at " + DB_URL + " (user " + DB_USER
                    + "): " + e.getMessage() + ". Start it with scripts/local-postgres.sh or set E2E_DB_URL, E2E_DB_USER,"
                    + " E2E_DB_PASSWORD.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    protected static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
