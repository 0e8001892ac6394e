package ru.edu.decisions.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import ru.edu.decisions.service.DecisionServiceApplication;

/**
 * An instance of the service that reaches the end-to-end PostgreSQL through a {@link TcpProxy}, so a test can take
 * the database away from it (and only from it) and give it back; with a decision-log spool directory of its own,
 * kept across {@link #restart()}.
 */
public final class OutageInstance implements AutoCloseable {

    private final TcpProxy proxy;
    private final Path spool;
    private final List<String> extra;
    private ConfigurableApplicationContext app;

    private OutageInstance(TcpProxy proxy, Path spool, List<String> extra) {
        this.proxy = proxy;
        this.spool = spool;
        this.extra = extra;
        this.app = start();
    }

    /** Started with the end-to-end suite's accounts and key; {@code arguments} as {@code --name=value}. */
    public static OutageInstance start(String... arguments) {
        URI database = URI.create(EndToEndTest.DB_URL.substring("jdbc:".length()));
        try {
            return new OutageInstance(TcpProxy.open(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort()),
                    Files.createTempDirectory("e2e-spool-"), List.of(arguments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConfigurableApplicationContext start() {
        URI database = URI.create(EndToEndTest.DB_URL.substring("jdbc:".length()));
        String url = "jdbc:postgresql://localhost:" + proxy.port() + database.getRawPath()
                + (database.getRawQuery() == null ? "" : "?" + database.getRawQuery());
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + EndToEndTest.DB_USER,
                "--spring.datasource.password=" + EndToEndTest.DB_PASSWORD,
                "--decisions.security.admin-username=admin",
                "--decisions.security.admin-password=" + EndToEndTest.ADMIN_PASSWORD,
                "--decisions.security.api-key=" + EndToEndTest.INTEGRATION_KEY,
                "--decisions.decision-log.spool-dir=" + spool,
                "--server.forward-headers-strategy=native"));
        arguments.addAll(extra);
        // Command-line arguments: they take precedence over application.yaml.
        return new SpringApplicationBuilder(DecisionServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** The database goes away for this instance. */
    public void cut() {
        proxy.cut();
    }

    /** The database is back. */
    public void restore() {
        proxy.restore();
    }

    /** Stops the instance (as it is, the database away or not) and starts it again on the same spool directory. */
    public void stop() {
        app.close();
    }

    /** Starts it again after {@link #stop()} (the database must be reachable: Flyway checks the schema). */
    public void startAgain() {
        app = start();
    }

    public void restart() {
        stop();
        startAgain();
    }

    public Path spool() {
        return spool;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            proxy.close();
            try {
                EndToEndTest.deleteRecursively(spool);
            } catch (IOException e) {
                // a temporary directory: left behind
            }
        }
    }
}
