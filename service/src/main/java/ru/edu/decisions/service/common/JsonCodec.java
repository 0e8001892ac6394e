package ru.edu.decisions.service.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON documents kept in the database, and the hash that identifies a decision's input. */
@Component
public class JsonCodec {

    private final JsonMapper mapper;

    public JsonCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** A stored document: read without {@link DateRange}'s check (what was stored before a narrower range stays readable). */
    public <T> T read(String json, Class<T> type) {
        return mapper.readerFor(type).withAttribute(DateRange.STORED, Boolean.TRUE).readValue(json);
    }

    public <T> T read(String json, TypeReference<T> type) {
        return mapper.readerFor(type).withAttribute(DateRange.STORED, Boolean.TRUE).readValue(json);
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** SHA-256 (hex) of the canonical JSON of the parts of a request, separated by a NUL. */
    public String hash(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(part instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(part));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
