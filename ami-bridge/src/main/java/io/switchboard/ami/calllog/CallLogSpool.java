package io.switchboard.ami.calllog;

import io.switchboard.ami.tracker.CallRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable buffer of finished calls that could not be written to PostgreSQL yet: an append-only
 * spool on disk ({@link SpoolSegments}) mirrored by an in-memory queue, drained in order. A record
 * leaves the spool only through {@link #acknowledgeHead()}, after its insert committed. Bounded by
 * bytes; a full spool refuses new records.
 *
 * <p>Threading: call it from one context (the call-log writer's); the file work runs on worker
 * threads through ordered {@code executeBlocking}, so appends and acknowledgements reach the disk
 * in the order they were asked for, and never on the event loop.
 */
public final class CallLogSpool {

  private static final Logger LOG = LoggerFactory.getLogger(CallLogSpool.class);

  /** Size of one segment file; the spool rolls to a new one beyond it. */
  public static final long DEFAULT_SEGMENT_BYTES = 4L * 1024 * 1024;

  private record Pending(CallRecord record, SpoolSegments.Entry entry) {}

  private final Vertx vertx;
  private final Path dir;
  private final SpoolSegments segments;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private long pendingBytes;

  public CallLogSpool(Vertx vertx, Path dir, long maxBytes) {
    this(vertx, dir, maxBytes, Math.min(DEFAULT_SEGMENT_BYTES, Math.max(1024, maxBytes / 4)));
  }

  CallLogSpool(Vertx vertx, Path dir, long maxBytes, long segmentBytes) {
    this.vertx = vertx;
    this.dir = dir;
    this.segments = new SpoolSegments(dir, maxBytes, segmentBytes);
  }

  /** Reads back what an earlier run left in the spool; call once, before anything else. */
  public Future<Integer> open() {
    return vertx
        .executeBlocking(segments::open, true)
        .map(
            entries -> {
              for (SpoolSegments.Entry entry : entries) {
                CallRecord record = parse(entry);
                if (record != null) {
                  pending.addLast(new Pending(record, entry));
                  pendingBytes += entry.bytes();
                }
              }
              if (!pending.isEmpty()) {
                LOG.info(
                    "Call-log spool {}: {} call logs from an earlier run wait to be written",
                    dir,
                    pending.size());
              }
              return pending.size();
            });
  }

  private CallRecord parse(SpoolSegments.Entry entry) {
    try {
      return CallRecordJson.fromJson(new JsonObject(entry.line()));
    } catch (RuntimeException unreadable) {
      LOG.error(
          "Call-log spool {}: line is not a call record ({}), kept in {}: {}",
          dir,
          unreadable.getMessage(),
          segments.rejectedFile(),
          entry.line());
      vertx.executeBlocking(
          () -> {
            segments.reject(entry.line());
            return null;
          },
          true);
      // Counted as pending until acknowledged in order; an unreadable line is acknowledged now.
      pending.addLast(new Pending(null, entry));
      pendingBytes += entry.bytes();
      return null;
    }
  }

  /**
   * Appends a record and forces it to disk.
   *
   * @return fails with {@link SpoolFullException} when the spool holds its maximum
   */
  public Future<Void> append(CallRecord record) {
    String line = CallRecordJson.toJson(record).encode();
    return vertx
        .executeBlocking(() -> segments.append(line), true)
        .map(
            entry -> {
              pending.addLast(new Pending(record, entry));
              pendingBytes += entry.bytes();
              return null;
            });
  }

  /** The oldest record not yet written, or null when the spool is empty. */
  public CallRecord head() {
    Pending head = pending.peekFirst();
    while (head != null && head.record() == null) {
      acknowledgeHead();
      head = pending.peekFirst();
    }
    return head == null ? null : head.record();
  }

  /** The oldest record is in PostgreSQL: it leaves the spool. */
  public Future<Void> acknowledgeHead() {
    Pending head = pending.pollFirst();
    if (head == null) {
      return Future.succeededFuture();
    }
    pendingBytes -= head.entry().bytes();
    return vertx.executeBlocking(
        () -> {
          segments.ack(head.entry());
          return null;
        },
        true);
  }

  /** Keeps a record PostgreSQL refuses for good in {@code rejected.jsonl} of the spool. */
  public Future<Void> reject(CallRecord record) {
    String line = CallRecordJson.toJson(record).encode();
    return vertx.executeBlocking(
        () -> {
          segments.reject(line);
          return null;
        },
        true);
  }

  public boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Records waiting. */
  public int size() {
    return pending.size();
  }

  /** Bytes of records waiting. */
  public long bytes() {
    return pendingBytes;
  }

  public Path directory() {
    return dir;
  }
}
