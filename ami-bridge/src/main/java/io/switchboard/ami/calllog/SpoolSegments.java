package io.switchboard.ami.calllog;

import io.switchboard.core.SuppressForbidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the call-log spool: append-only segments {@code segment-<n>.jsonl} of one JSON line
 * per record, and an {@code ack} file naming the position up to which records are written to
 * PostgreSQL. A record is appended and forced to disk before it counts as spooled; a segment is
 * deleted once every record in it is acknowledged. A line torn by a crash (no final newline) is cut
 * off when the spool is opened. Records PostgreSQL refuses for good go to {@code rejected.jsonl}.
 *
 * <p>Blocking file I/O: every method runs on a worker thread (the {@link CallLogSpool} calls it
 * through ordered {@code executeBlocking}), one at a time.
 */
final class SpoolSegments {

  private static final Logger LOG = LoggerFactory.getLogger(SpoolSegments.class);

  private static final String SEGMENT_PREFIX = "segment-";
  private static final String SEGMENT_SUFFIX = ".jsonl";
  private static final String ACK = "ack";
  private static final String REJECTED = "rejected.jsonl";

  /** Where a record ends: its segment and the byte offset after its newline. */
  record Position(long segment, long offset) {}

  /** One spooled line and where it ends. */
  record Entry(String line, Position end, int bytes) {}

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private long tailSegment;
  private long tailSize;
  private long pendingBytes;

  SpoolSegments(Path dir, long maxBytes, long segmentBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
  }

  long pendingBytes() {
    return pendingBytes;
  }

  /** Opens the spool and returns every line not yet acknowledged, oldest first. */
  @SuppressForbidden(reason = "runs on a worker thread through executeBlocking")
  List<Entry> open() {
    try {
      Files.createDirectories(dir);
      TreeMap<Long, Path> segments = segments();
      if (segments.isEmpty()) {
        Files.deleteIfExists(dir.resolve(ACK));
      }
      Position acked = readAck();
      List<Entry> entries = new ArrayList<>();
      for (var segment : segments.entrySet()) {
        long number = segment.getKey();
        if (number < acked.segment()) {
          Files.deleteIfExists(segment.getValue());
          continue;
        }
        long from = number == acked.segment() ? acked.offset() : 0;
        readSegment(number, segment.getValue(), from, entries);
      }
      tailSegment = segments.isEmpty() ? 1 : segments.lastKey();
      tailSize = segments.isEmpty() ? 0 : Files.size(segments.lastEntry().getValue());
      for (Entry entry : entries) {
        pendingBytes += entry.bytes();
      }
      return entries;
    } catch (IOException failed) {
      throw new UncheckedIOException("could not open the call-log spool in " + dir, failed);
    }
  }

  @SuppressForbidden(reason = "runs on a worker thread through executeBlocking")
  private void readSegment(long number, Path file, long from, List<Entry> entries)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int start = (int) Math.min(from, bytes.length);
    int lineStart = start;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
        entries.add(new Entry(line, new Position(number, i + 1L), i + 1 - lineStart));
        lineStart = i + 1;
      }
    }
    if (lineStart < bytes.length) {
      // A crash in the middle of an append: the record was never reported as spooled.
      LOG.error(
          "Call-log spool {}: cutting off {} bytes of a record torn by a crash at its end",
          file,
          bytes.length - lineStart);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(lineStart);
        channel.force(true);
      }
    }
  }

  /**
   * Appends one record and forces it to disk.
   *
   * @throws SpoolFullException when it would take the spool beyond its maximum
   */
  Entry append(String line) {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    if (pendingBytes + bytes.length > maxBytes) {
      throw new SpoolFullException(
          "call-log spool "
              + dir
              + " is full: "
              + pendingBytes
              + " bytes waiting, at most "
              + maxBytes);
    }
    if (tailSize > 0 && tailSize + bytes.length > segmentBytes) {
      tailSegment++;
      tailSize = 0;
    }
    Path file = dir.resolve(segmentName(tailSegment));
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException failed) {
      throw new UncheckedIOException("could not append to the call-log spool " + file, failed);
    }
    tailSize += bytes.length;
    pendingBytes += bytes.length;
    return new Entry(line, new Position(tailSegment, tailSize), bytes.length);
  }

  /**
   * Records that every line up to {@code entry} is in PostgreSQL. The ack file is replaced
   * atomically; should it be lost, lines are merely written again, which the idempotent insert
   * absorbs. With nothing left pending (appends run before this call in order, so they count) the
   * spool's files are removed.
   */
  void ack(Entry entry) {
    pendingBytes -= entry.bytes();
    try {
      if (pendingBytes <= 0) {
        // The ack goes first: a crash in between replays acknowledged lines, never loses any.
        Files.deleteIfExists(dir.resolve(ACK));
        for (Path segment : segments().values()) {
          Files.deleteIfExists(segment);
        }
        tailSegment++;
        tailSize = 0;
        pendingBytes = 0;
        return;
      }
      Path temporary = dir.resolve(ACK + ".tmp");
      writeSmallFile(temporary, entry.end().segment() + " " + entry.end().offset() + "\n");
      Files.move(
          temporary,
          dir.resolve(ACK),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      for (var segment : segments().headMap(entry.end().segment()).values()) {
        Files.deleteIfExists(segment);
      }
    } catch (IOException failed) {
      throw new UncheckedIOException("could not acknowledge in the call-log spool " + dir, failed);
    }
  }

  /** Keeps a record PostgreSQL refuses for good, for a person to look at. */
  void reject(String line) {
    Path file = dir.resolve(REJECTED);
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
    } catch (IOException failed) {
      throw new UncheckedIOException("could not write " + file, failed);
    }
  }

  Path rejectedFile() {
    return dir.resolve(REJECTED);
  }

  @SuppressForbidden(reason = "runs on a worker thread through executeBlocking")
  private Position readAck() throws IOException {
    Path ack = dir.resolve(ACK);
    if (!Files.exists(ack)) {
      return new Position(0, 0);
    }
    String text = new String(Files.readAllBytes(ack), StandardCharsets.UTF_8).trim();
    String[] parts = text.split(" ");
    try {
      return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException unreadable) {
      // Lines are then written again; the idempotent insert makes that harmless.
      LOG.warn("Call-log spool {}: unreadable ack file '{}', replaying every segment", dir, text);
      return new Position(0, 0);
    }
  }

  private TreeMap<Long, Path> segments() throws IOException {
    TreeMap<Long, Path> segments = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          file -> {
            String name = file.getFileName().toString();
            if (name.startsWith(SEGMENT_PREFIX) && name.endsWith(SEGMENT_SUFFIX)) {
              String number =
                  name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length());
              try {
                segments.put(Long.parseLong(number), file);
              } catch (NumberFormatException foreign) {
                LOG.warn("Call-log spool {}: ignoring foreign file {}", dir, name);
              }
            }
          });
    }
    return segments;
  }

  private static void writeSmallFile(Path file, String text) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static String segmentName(long number) {
    return String.format(Locale.ROOT, "%s%020d%s", SEGMENT_PREFIX, number, SEGMENT_SUFFIX);
  }
}
