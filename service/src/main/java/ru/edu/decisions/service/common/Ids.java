package ru.edu.decisions.service.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Time-ordered identifiers (UUID version 7, RFC 9562): unique, and kind to database indexes. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.systemUTC();

    private Ids() {
    }

    public static UUID newId() {
        long millis = CLOCK.millis();
        long randA = RANDOM.nextInt(1 << 12);
        long randB = RANDOM.nextLong();
        long most = (millis << 16) | (0x7L << 12) | randA;
        long least = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
