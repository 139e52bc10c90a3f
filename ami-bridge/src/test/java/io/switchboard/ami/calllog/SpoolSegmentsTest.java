package io.switchboard.ami.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's files, driven directly (its methods are blocking by design). */
class SpoolSegmentsTest {

  @TempDir Path dir;

  @Test
  void linesAppendedAreReadBackInOrderByANewInstance() {
    SpoolSegments first = new SpoolSegments(dir, 10_000, 1_000);
    first.open();
    first.append("{\"n\":1}");
    first.append("{\"n\":2}");

    List<SpoolSegments.Entry> reopened = new SpoolSegments(dir, 10_000, 1_000).open();

    assertThat(reopened)
        .extracting(SpoolSegments.Entry::line)
        .containsExactly("{\"n\":1}", "{\"n\":2}");
  }

  @Test
  void anAcknowledgedLineIsNotReadBackButTheOthersAre() {
    SpoolSegments spool = new SpoolSegments(dir, 10_000, 1_000);
    spool.open();
    SpoolSegments.Entry one = spool.append("{\"n\":1}");
    spool.append("{\"n\":2}");
    spool.ack(one);

    assertThat(new SpoolSegments(dir, 10_000, 1_000).open())
        .extracting(SpoolSegments.Entry::line)
        .containsExactly("{\"n\":2}");
  }

  @Test
  void segmentsRollAndAreDeletedOnceAcknowledgedAndAnEmptySpoolLeavesNoFiles() throws IOException {
    SpoolSegments spool = new SpoolSegments(dir, 10_000, 30);
    spool.open();
    List<SpoolSegments.Entry> entries =
        Stream.of("{\"n\":\"aaaaaaaaaa\"}", "{\"n\":\"bbbbbbbbbb\"}", "{\"n\":\"cccccccccc\"}")
            .map(spool::append)
            .toList();
    assertThat(segmentFiles()).hasSize(3);

    spool.ack(entries.get(0));
    spool.ack(entries.get(1));
    assertThat(segmentFiles()).hasSize(2);
    spool.ack(entries.get(2));

    assertThat(segmentFiles()).isEmpty();
    assertThat(dir.resolve("ack")).doesNotExist();
    assertThat(spool.pendingBytes()).isZero();
  }

  @Test
  void aFullSpoolRefusesNamingItsSize() {
    SpoolSegments spool = new SpoolSegments(dir, 20, 1_000);
    spool.open();
    spool.append("{\"n\":1}");
    spool.append("{\"n\":2}");

    assertThatThrownBy(() -> spool.append("{\"n\":3}"))
        .isInstanceOf(SpoolFullException.class)
        .hasMessageContaining("is full: 16 bytes waiting, at most 20");
  }

  @Test
  void aLineTornByACrashIsCutOffAndAppendsContinueAfterTheLastWholeLine() throws IOException {
    SpoolSegments spool = new SpoolSegments(dir, 10_000, 1_000);
    spool.open();
    spool.append("{\"n\":1}");
    Files.writeString(segmentFiles().get(0), "{\"n\":2,\"tor", StandardOpenOption.APPEND);

    SpoolSegments reopened = new SpoolSegments(dir, 10_000, 1_000);
    assertThat(reopened.open()).extracting(SpoolSegments.Entry::line).containsExactly("{\"n\":1}");
    reopened.append("{\"n\":3}");

    assertThat(Files.readString(segmentFiles().get(0), StandardCharsets.UTF_8))
        .isEqualTo("{\"n\":1}\n{\"n\":3}\n");
  }

  @Test
  void anUnreadableAckFileReplaysEverythingRatherThanLosingAnything() throws IOException {
    SpoolSegments spool = new SpoolSegments(dir, 10_000, 1_000);
    spool.open();
    SpoolSegments.Entry one = spool.append("{\"n\":1}");
    spool.append("{\"n\":2}");
    spool.ack(one);
    Files.writeString(dir.resolve("ack"), "garbage");

    assertThat(new SpoolSegments(dir, 10_000, 1_000).open()).hasSize(2);
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().toList();
    }
  }
}
