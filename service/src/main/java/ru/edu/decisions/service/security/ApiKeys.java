package ru.edu.decisions.service.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;

/** Creates, finds and revokes API keys. A key's secret is shown once, at creation; only its hash is stored. */
@Service
public class ApiKeys {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MIN_KEY_LENGTH = 24;

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    /** More distinct secrets than this in the view (mostly wrong ones, e.g. someone guessing): the view starts afresh. */
    private static final int MAX_VIEW_SIZE = 10_000;

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final long viewTtlNanos;
    private final long staleOnOutageNanos;
    /** The keys as last read, by the SHA-256 of their secret (an absent key too, as {@code key == null}). */
    private final Map<String, Viewed> view = new ConcurrentHashMap<>();
    /** The last use of each key not yet written to {@code api_key.last_used_at}. */
    private final Map<UUID, Instant> uses = new ConcurrentHashMap<>();

    /** A key as read at {@code readAtNanos}; not asked for again before {@code checkedAtNanos} + the refresh time. */
    private record Viewed(@Nullable ApiKey key, long readAtNanos, long checkedAtNanos) {
    }

    public ApiKeys(ApiKeyRepository keys, Clock clock,
                   @Value("${decisions.security.api-key-refresh:5s}") Duration viewTtl,
                   @Value("${decisions.security.api-key-stale-on-outage:10m}") Duration staleOnOutage) {
        this.keys = keys;
        this.clock = clock;
        this.viewTtlNanos = viewTtl.toNanos();
        this.staleOnOutageNanos = staleOnOutage.toNanos();
    }

    /** A new key and the one moment its secret is visible. */
    public record Created(ApiKey key, String secret) {
    }

    @Transactional
    public Created create(String name, Set<ApiScope> scopes, Set<String> jurisdictions, @Nullable String createdBy) {
        StringBuilder secret = new StringBuilder("dk_");
        for (int i = 0; i < 40; i++) {
            secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new Created(store(name, secret.toString(), scopes, jurisdictions, createdBy), secret.toString());
    }

    /** Stores a key whose secret was chosen elsewhere (the bootstrap key given by configuration). */
    @Transactional
    public ApiKey store(String name, String secret, Set<ApiScope> scopes, Set<String> jurisdictions, @Nullable String createdBy) {
        if (secret.length() < MIN_KEY_LENGTH) {
            throw ApiException.badRequest("Ключ API должен быть не короче " + MIN_KEY_LENGTH + " символов");
        }
        String hash = sha256(secret);
        if (keys.findByKeyPrefix(hash.substring(0, 16)).isPresent()) {
            throw ApiException.conflict("Такой ключ API уже существует");
        }
        view.remove(hash);
        return keys.save(new ApiKey(Ids.newId(), null, name, hash.substring(0, 16), hash, Lists.join(scopes),
                Lists.join(jurisdictions), clock.instant(), createdBy, null, null, null));
    }

    /**
     * The active key with this secret, if any (compared in constant time) — from an in-memory view of the keys, read
     * again from the database when older than {@code decisions.security.api-key-refresh} (5 s): a revocation on any
     * instance takes effect on every instance within that time, and on this one at once. No write on the request
     * path: the use is noted and {@code last_used_at} written at most once a minute per key ({@link #writeUses}).
     * While the database cannot be read, the view read last keeps serving for
     * {@code decisions.security.api-key-stale-on-outage} (10 min).
     */
    public Optional<ApiKey> authenticate(String secret) {
        String hash = sha256(secret);
        ApiKey key = viewed(hash);
        if (key == null || !key.active() || !MessageDigest.isEqual(key.secretHash().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        uses.put(key.id(), clock.instant());
        return Optional.of(key);
    }

    private @Nullable ApiKey viewed(String hash) {
        long now = System.nanoTime();
        Viewed seen = view.get(hash);
        if (seen != null && now - seen.checkedAtNanos() < viewTtlNanos) {
            return seen.key();
        }
        ApiKey key;
        try {
            key = keys.findByKeyPrefix(hash.substring(0, 16)).orElse(null);
        } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            if (seen != null && now - seen.readAtNanos() < staleOnOutageNanos) {
                // The database is away: the key as read last, and the next attempt only after the refresh time, so
                // requests do not each wait for a connection in the meantime.
                view.put(hash, new Viewed(seen.key(), seen.readAtNanos(), now));
                return seen.key();
            }
            throw e;
        }
        if (view.size() >= MAX_VIEW_SIZE) {
            view.clear();
        }
        view.put(hash, new Viewed(key, now, now));
        return key;
    }

    /** Writes the noted uses to {@code api_key.last_used_at}: once a minute, one statement per key used since. */
    @Scheduled(fixedDelayString = "${decisions.security.api-key-last-used-interval:60s}", initialDelayString = "${decisions.security.api-key-last-used-interval:60s}")
    public void writeUses() {
        for (UUID id : List.copyOf(uses.keySet())) {
            Instant at = uses.remove(id);
            if (at == null) {
                continue;
            }
            try {
                keys.touch(id, at);
            } catch (DataAccessException e) {
                uses.merge(id, at, (a, b) -> a.isAfter(b) ? a : b); // the database is away: next time
                log.warn("Last use of API keys not recorded this time ({})", e.getClass().getSimpleName());
                return;
            }
        }
    }

    public boolean exists(String secret) {
        return keys.findByKeyPrefix(sha256(secret).substring(0, 16)).isPresent();
    }

    /** Every key, with the uses noted so far written first. */
    public List<ApiKey> all() {
        writeUses();
        return keys.findAll();
    }

    @Transactional
    public ApiKey revoke(UUID id, @Nullable String by) {
        ApiKey key = keys.findById(id).orElseThrow(() -> ApiException.notFound("Ключ API " + id + " не найден"));
        if (!key.active()) {
            throw ApiException.conflict("Ключ API «" + key.name() + "» уже отозван " + key.revokedAt());
        }
        ApiKey revoked = keys.save(key.revoked(clock.instant(), by));
        view.remove(revoked.secretHash()); // on this instance at once; on the others within the refresh time
        return revoked;
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
