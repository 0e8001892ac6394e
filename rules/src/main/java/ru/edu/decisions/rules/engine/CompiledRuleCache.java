package ru.edu.decisions.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule modules kept on disk, so that a start with unchanged rule files does not compile them again. An
 * entry is the compiled module (the executable model's generated classes and resources, as Drools writes a kjar),
 * named by the SHA-256 of everything it was compiled from — the rule files' paths and contents, the decisions they
 * serve, the Drools and Java versions and this cache's format — so an edited file, another Drools or another JVM
 * simply misses. Each entry carries the SHA-256 of its own bytes: a truncated or damaged entry is detected, deleted
 * and compiled again; the bytecode of a loaded entry is checked by the same {@link GeneratedCodePolicy} as a fresh
 * compilation before any of it is loaded. The directory must be writable by the service only, like the rule base.
 */
public final class CompiledRuleCache {

    private static final Logger log = LoggerFactory.getLogger(CompiledRuleCache.class);
    /** Changes whenever the stored layout or what goes into the key changes. */
    private static final String FORMAT = "decisions-rules-cache-1";
    private static final String SUFFIX = ".kjar";
    private static final int DIGEST_BYTES = 32;
    /** Entries kept; the least recently written beyond this are deleted (each is a few hundred kilobytes). */
    static final int MAX_ENTRIES = 64;

    private final Path directory;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public CompiledRuleCache(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Modules loaded from the cache instead of compiled. */
    public long hits() {
        return hits.get();
    }

    /** Modules not in the cache (compiled and then stored). */
    public long misses() {
        return misses.get();
    }

    /** Entries found but unusable (damaged, or refused by the bytecode check): deleted and compiled again. */
    public long rejected() {
        return rejected.get();
    }

    /** The key of a module compiled from {@code parts} (in order). */
    static String key(List<byte[]> parts) {
        MessageDigest digest = sha256();
        digest.update(FORMAT.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(ENVIRONMENT.getBytes(StandardCharsets.UTF_8));
        for (byte[] part : parts) {
            digest.update((byte) 0);
            digest.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(part);
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** The stored module's bytes if there is a sound entry for {@code key}; a damaged entry is deleted. */
    @Nullable byte[] load(String key) {
        Path file = file(key);
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            misses.incrementAndGet();
            return null;
        } catch (IOException e) {
            log.warn("Compiled rules cache entry {} not readable ({}); compiling", file.getFileName(), e.getClass().getSimpleName());
            misses.incrementAndGet();
            return null;
        }
        if (stored.length <= DIGEST_BYTES || !MessageDigest.isEqual(Arrays.copyOf(stored, DIGEST_BYTES),
                sha256().digest(Arrays.copyOfRange(stored, DIGEST_BYTES, stored.length)))) {
            reject(key, "damaged");
            return null;
        }
        return Arrays.copyOfRange(stored, DIGEST_BYTES, stored.length);
    }

    /** Counts a loaded entry as a hit (called once the module was actually used). */
    void hit() {
        hits.incrementAndGet();
    }

    /** An entry that could not be used: deleted, so the module is compiled and stored anew. */
    void reject(String key, String why) {
        rejected.incrementAndGet();
        misses.incrementAndGet();
        log.warn("Compiled rules cache entry {} is {}; deleted, compiling", key.substring(0, 16), why);
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            log.warn("Compiled rules cache entry {} could not be deleted ({})", key.substring(0, 16), e.getClass().getSimpleName());
        }
    }

    /** Stores a freshly compiled module (written to a temporary file and moved into place: never half-written). */
    void store(String key, byte[] module) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, key.substring(0, 16), ".tmp");
            try {
                byte[] entry = new byte[DIGEST_BYTES + module.length];
                System.arraycopy(sha256().digest(module), 0, entry, 0, DIGEST_BYTES);
                System.arraycopy(module, 0, entry, DIGEST_BYTES, module.length);
                Files.write(temporary, entry);
                Files.move(temporary, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            // The cache only saves time: a read-only or full disk costs a compilation at the next start, nothing else.
            log.warn("Compiled rules not stored in the cache {} ({})", directory, e.getClass().getSimpleName());
        }
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(directory)) {
            entries = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        if (entries.size() <= MAX_ENTRIES) {
            return;
        }
        List<Path> oldestFirst = entries.stream().sorted(Comparator.comparing(CompiledRuleCache::modified)).toList();
        for (Path old : oldestFirst.subList(0, entries.size() - MAX_ENTRIES)) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path file(String key) {
        return directory.resolve(key + SUFFIX);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Drools and Java versions the modules are compiled with and for: another one never reads an old entry. */
    private static final String ENVIRONMENT = "drools " + artifactVersion("org.drools", "drools-model-codegen")
            + " kie " + artifactVersion("org.kie", "kie-api") + " java " + Runtime.version().feature();

    private static String artifactVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        ClassLoader loader = KieServices.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through: the package's own version
        }
        String version = KieServices.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
