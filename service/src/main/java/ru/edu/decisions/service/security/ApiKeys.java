package ru.edu.decisions.service.security;

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

    private final ApiKeyRepository keys;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
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
        return keys.save(new ApiKey(Ids.newId(), null, name, hash.substring(0, 16), hash, Lists.join(scopes),
                Lists.join(jurisdictions), clock.instant(), createdBy, null, null, null));
    }

    /** The active key with this secret, if any (compared in constant time). */
    public Optional<ApiKey> authenticate(String secret) {
        String hash = sha256(secret);
        return keys.findByKeyPrefix(hash.substring(0, 16))
                .filter(ApiKey::active)
                .filter(key -> MessageDigest.isEqual(key.secretHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .map(key -> {
                    keys.touch(key.id(), clock.instant());
                    return key;
                });
    }

    public boolean exists(String secret) {
        return keys.findByKeyPrefix(sha256(secret).substring(0, 16)).isPresent();
    }

    public List<ApiKey> all() {
        return keys.findAll();
    }

    @Transactional
    public ApiKey revoke(UUID id, @Nullable String by) {
        ApiKey key = keys.findById(id).orElseThrow(() -> ApiException.notFound("Ключ API " + id + " не найден"));
        if (!key.active()) {
            throw ApiException.conflict("Ключ API «" + key.name() + "» уже отозван " + key.revokedAt());
        }
        return keys.save(key.revoked(clock.instant(), by));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
