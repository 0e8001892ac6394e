package ru.edu.decisions.service.decisionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local spool of decision-log entries: order, bounds, durability of the head, a half-written last record. */
class DecisionSpoolTest {

    private static final DecisionSpool.Codec<String> TEXT = new DecisionSpool.Codec<>() {
        @Override
        public byte[] encode(String entry) {
            return entry.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    @TempDir
    Path dir;

    @Test
    void entriesComeOutInTheOrderTheyWentIn() throws IOException {
        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            spool.append(List.of("a", "b"), TEXT);
            spool.append(List.of("c"), TEXT);
            spool.append(List.of("d", "e", "f"), TEXT);

            DecisionSpool.Chunk<String> first = spool.peek(4, TEXT);
            assertThat(first.entries()).containsExactly("a", "b", "c", "d");
            assertThat(spool.peek(4, TEXT).entries()).as("nothing leaves before it is advanced").containsExactly("a", "b", "c", "d");
            spool.advance(first);
            assertThat(spool.entries()).isEqualTo(2);
            assertThat(spool.peek(10, TEXT).entries()).containsExactly("e", "f");
        }
    }

    @Test
    void theHeadSurvivesARestartSoNothingIsReplayedTwiceFromTheSpool() throws IOException {
        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            spool.append(List.of("a", "b", "c"), TEXT);
            spool.advance(spool.peek(2, TEXT));
        }
        assertThat(DecisionSpool.hasEntries(dir)).isTrue();
        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            assertThat(spool.entries()).isEqualTo(1);
            assertThat(spool.peek(10, TEXT).entries()).containsExactly("c");
        }
    }

    @Test
    void aFullyReplayedSpoolIsEmptiedOnDisk() throws IOException {
        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            spool.append(List.of("a", "b"), TEXT);
            spool.advance(spool.peek(10, TEXT));
            assertThat(spool.isEmpty()).isTrue();
            assertThat(Files.size(dir.resolve("spool.log"))).isZero();
            spool.append(List.of("c"), TEXT);
            assertThat(spool.peek(10, TEXT).entries()).containsExactly("c");
        }
        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            assertThat(spool.peek(10, TEXT).entries()).containsExactly("c");
        }
    }

    @Test
    void aFullSpoolRefusesTheWholeBatchAndKeepsWhatItHas() throws IOException {
        try (DecisionSpool spool = DecisionSpool.open(dir, 5, 1 << 20)) {
            spool.append(List.of("a", "b", "c"), TEXT);
            assertThatThrownBy(() -> spool.append(List.of("d", "e", "f"), TEXT)).isInstanceOf(DecisionSpool.FullException.class);
            assertThat(spool.entries()).isEqualTo(3);
            spool.append(List.of("d", "e"), TEXT);
            assertThat(spool.peek(10, TEXT).entries()).containsExactly("a", "b", "c", "d", "e");
            // Replayed entries make room again.
            spool.advance(spool.peek(2, TEXT));
            spool.append(List.of("f", "g"), TEXT);
            assertThat(spool.peek(10, TEXT).entries()).containsExactly("c", "d", "e", "f", "g");
        }
    }

    @Test
    void theSizeBoundCountsBytesNotYetReplayed() throws IOException {
        String kilobyte = "x".repeat(1024);
        try (DecisionSpool spool = DecisionSpool.open(dir, 1000, 4 * 1024)) {
            spool.append(List.of(kilobyte, kilobyte, kilobyte), TEXT);
            assertThatThrownBy(() -> spool.append(List.of(kilobyte), TEXT)).isInstanceOf(DecisionSpool.FullException.class);
            spool.advance(spool.peek(1, TEXT));
            spool.append(List.of(kilobyte), TEXT);
            assertThat(spool.entries()).isEqualTo(3);
        }
    }

    @Test
    void aHalfWrittenLastRecordIsCutOffAndTheRestKept() throws IOException {
        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            spool.append(List.of("first", "second"), TEXT);
        }
        // The process died while writing a third record: its length says 100 bytes, 3 made it to the disk.
        Files.write(dir.resolve("spool.log"), new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 'a', 'b', 'c'}, StandardOpenOption.APPEND);

        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            assertThat(spool.entries()).isEqualTo(2);
            spool.append(List.of("third"), TEXT);
            assertThat(spool.peek(10, TEXT).entries()).containsExactly("first", "second", "third");
        }
    }

    @Test
    void aLastRecordWithAWrongChecksumIsCutOff() throws IOException {
        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            spool.append(List.of("first", "second"), TEXT);
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("spool.log"));
        bytes[bytes.length - 1] ^= 0x55; // the last byte of "second" never reached the disk as written
        Files.write(dir.resolve("spool.log"), bytes);

        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            assertThat(spool.peek(10, TEXT).entries()).containsExactly("first");
        }
    }

    @Test
    void oneDirectoryServesOneSpoolAtATime() throws IOException {
        try (DecisionSpool spool = DecisionSpool.open(dir, 100, 1 << 20)) {
            assertThatThrownBy(() -> DecisionSpool.open(dir, 100, 1 << 20)).isInstanceOf(IOException.class);
        }
        DecisionSpool.open(dir, 100, 1 << 20).close();
    }

    @Test
    void manyEntriesKeepTheirOrderAcrossChunksAndRestarts() throws IOException {
        List<String> all = IntStream.range(0, 1000).mapToObj(i -> "entry-" + i).toList();
        try (DecisionSpool spool = DecisionSpool.open(dir, 10_000, 1 << 20)) {
            for (int i = 0; i < all.size(); i += 100) {
                spool.append(all.subList(i, i + 100), TEXT);
            }
            spool.advance(spool.peek(333, TEXT));
        }
        List<String> replayed = new java.util.ArrayList<>(all.subList(0, 333));
        try (DecisionSpool spool = DecisionSpool.open(dir, 10_000, 1 << 20)) {
            while (!spool.isEmpty()) {
                DecisionSpool.Chunk<String> chunk = spool.peek(77, TEXT);
                replayed.addAll(chunk.entries());
                spool.advance(chunk);
            }
        }
        assertThat(replayed).isEqualTo(all);
    }
}
