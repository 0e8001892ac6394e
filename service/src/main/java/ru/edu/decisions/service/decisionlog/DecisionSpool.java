package ru.edu.decisions.service.decisionlog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, append-only local spool of decision-log entries, for while the database cannot be reached: entries are
 * appended and forced to disk ({@code fsync}) before the decisions they record are answered, and replayed to the
 * database in the order they were appended. The replay reads a chunk from the head, inserts it (an entry already in
 * the database is skipped: its id is the primary key) and only after the commit advances the head — so a crash at any
 * point replays an entry again at most, and the database holds it exactly once.
 *
 * <p>In the directory: {@code spool.lock} (held while the spool is open: one instance per directory),
 * {@code spool.log} (the records) and {@code spool.head} (where the replay stands, replaced atomically). A record is
 * its length (4 bytes), the CRC-32 of its payload (4 bytes) and the payload (one entry as UTF-8). A record half
 * written when the process died — never acknowledged, since the answer waits for the {@code fsync} — is cut off when
 * the spool is opened again.
 *
 * <p>Thread-safe: one writer appends while a replayer takes from the head.
 */
final class DecisionSpool implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(DecisionSpool.class);
    private static final int HEADER = 8;
    /** A record longer than this is not a record (a corrupted length). */
    private static final int MAX_RECORD = 64 * 1024 * 1024;

    /** How an entry becomes bytes and back. */
    interface Codec<T> {
        byte[] encode(T entry);

        T decode(byte[] bytes);
    }

    /** The spool has no room for these entries: refuse the decisions rather than answer them unlogged. */
    static final class FullException extends RuntimeException {
        FullException(String message) {
            super(message, null, false, false);
        }
    }

    /** Entries taken from the head and where the head stands after them. */
    record Chunk<T>(List<T> entries, long end) {
    }

    private final Path directory;
    private final long maxEntries;
    private final long maxBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel file;
    private final Path headFile;
    private final Path headTemp;

    private long head;
    private long tail;
    private long entries;
    private boolean closed;

    private DecisionSpool(Path directory, long maxEntries, long maxBytes, FileChannel lockChannel, FileLock lock,
                          FileChannel file) {
        this.directory = directory;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.file = file;
        this.headFile = directory.resolve("spool.head");
        this.headTemp = directory.resolve("spool.head.tmp");
    }

    /** Whether a spool in this directory holds entries (without opening it). */
    static boolean hasEntries(Path directory) {
        try {
            Path log = directory.resolve("spool.log");
            return Files.isRegularFile(log) && Files.size(log) > readHead(directory.resolve("spool.head"));
        } catch (IOException e) {
            return true; // let opening it tell
        }
    }

    /**
     * Opens (or creates) the spool in this directory, taking its lock; an incomplete or corrupted record at the end is
     * cut off. Fails if another process (or another application in this one) holds the directory.
     */
    static DecisionSpool open(Path directory, long maxEntries, long maxBytes) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve("spool.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("The decision-log spool directory is in use by another instance: " + directory);
        }
        FileChannel file = null;
        try {
            file = FileChannel.open(directory.resolve("spool.log"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            DecisionSpool spool = new DecisionSpool(directory, maxEntries, maxBytes, lockChannel, lock, file);
            spool.recover();
            return spool;
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                file.close();
            }
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    private void recover() throws IOException {
        long size = file.size();
        head = readHead(headFile);
        if (head > size) {
            // The log was emptied after its last replay and the head file not yet removed: nothing is left.
            head = size;
        }
        long position = head;
        long count = 0;
        while (position < size) {
            long next = validRecordEnd(position, size);
            if (next < 0) {
                break;
            }
            position = next;
            count++;
        }
        if (position < size) {
            log.warn("Decision-log spool: an incomplete last record ({} bytes, never acknowledged) cut off", size - position);
            file.truncate(position);
            file.force(true);
        }
        tail = position;
        entries = count;
        if (entries > 0) {
            log.info("Decision-log spool holds {} entries ({} bytes) not yet in the database", entries, tail - head);
        }
    }

    /** The end of the record at {@code position} if it is whole and its checksum matches, else -1. */
    private long validRecordEnd(long position, long size) throws IOException {
        if (size - position < HEADER) {
            return -1;
        }
        ByteBuffer header = readFully(position, HEADER);
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || length > MAX_RECORD || size - position - HEADER < length) {
            return -1;
        }
        ByteBuffer payload = readFully(position + HEADER, length);
        return checksum(payload.array()) == crc ? position + HEADER + length : -1;
    }

    /** Appends these entries and forces them to disk: all or none. */
    synchronized <T> void append(List<T> batch, Codec<T> codec) throws IOException {
        requireOpen();
        List<byte[]> payloads = new ArrayList<>(batch.size());
        long bytes = 0;
        for (T entry : batch) {
            byte[] payload = codec.encode(entry);
            payloads.add(payload);
            bytes += HEADER + payload.length;
        }
        if (entries + batch.size() > maxEntries || tail - head + bytes > maxBytes) {
            throw new FullException("spool full: " + entries + " entries, " + (tail - head) + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes));
        for (byte[] payload : payloads) {
            buffer.putInt(payload.length).putInt(checksum(payload)).put(payload);
        }
        buffer.flip();
        try {
            long position = tail;
            while (buffer.hasRemaining()) {
                position += file.write(buffer, position);
            }
            file.force(false);
        } catch (IOException e) {
            file.truncate(tail); // nothing of this batch counts
            throw e;
        }
        tail += bytes;
        entries += batch.size();
    }

    /** Up to {@code max} entries from the head, in the order appended (not yet removed: see {@link #advance}). */
    synchronized <T> Chunk<T> peek(int max, Codec<T> codec) throws IOException {
        requireOpen();
        List<T> taken = new ArrayList<>();
        long position = head;
        while (position < tail && taken.size() < max) {
            ByteBuffer header = readFully(position, HEADER);
            int length = header.getInt();
            header.getInt();
            taken.add(codec.decode(readFully(position + HEADER, length).array()));
            position += HEADER + length;
        }
        return new Chunk<>(taken, position);
    }

    /** The entries of this chunk are in the database: the head moves past them (durably). */
    synchronized void advance(Chunk<?> chunk) throws IOException {
        requireOpen();
        if (chunk.end() <= head) {
            return;
        }
        entries -= chunk.entries().size();
        head = chunk.end();
        if (head == tail) {
            // Everything replayed: start afresh (the log first; a head file left behind points past its end).
            file.truncate(0);
            file.force(true);
            Files.deleteIfExists(headFile);
            head = 0;
            tail = 0;
            entries = 0;
            return;
        }
        Files.writeString(headTemp, Long.toString(head), StandardCharsets.US_ASCII);
        try (FileChannel temp = FileChannel.open(headTemp, StandardOpenOption.WRITE)) {
            temp.force(true);
        }
        Files.move(headTemp, headFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    synchronized long entries() {
        return entries;
    }

    synchronized long bytes() {
        return tail - head;
    }

    synchronized boolean isEmpty() {
        return entries == 0;
    }

    Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            file.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("The decision-log spool is closed");
        }
    }

    private ByteBuffer readFully(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int read = file.read(buffer, at);
            if (read < 0) {
                throw new IOException("Unexpected end of the decision-log spool");
            }
            at += read;
        }
        buffer.flip();
        return buffer;
    }

    private static long readHead(Path headFile) throws IOException {
        if (!Files.isRegularFile(headFile)) {
            return 0;
        }
        try {
            return Long.parseLong(Files.readString(headFile, StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            return 0; // replays from the start: entries already in the database are skipped
        }
    }

    private static int checksum(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return (int) crc.getValue();
    }
}
