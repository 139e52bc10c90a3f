package io.switchboard.core.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where finished calls wait, on disk, while PostgreSQL is away, and how much may wait.
 *
 * @param spoolDir directory of the call-log spool; {@code <data.dir>/calllog-spool} by default
 * @param spoolMaxBytes most bytes of unwritten call logs the spool holds before it refuses more
 * @param retryInterval pause between attempts to write the spool to PostgreSQL while it fails
 */
public record CallLogSettings(Path spoolDir, long spoolMaxBytes, Duration retryInterval) {

  /** Name of the spool directory under {@code data.dir} when {@code calllog.spool-dir} is empty. */
  public static final String DEFAULT_SPOOL_DIR_NAME = "calllog-spool";

  static CallLogSettings from(RawSettings raw, Path dataDir) {
    String dir = raw.text("calllog.spool-dir");
    return new CallLogSettings(
        dir.isEmpty() ? dataDir.resolve(DEFAULT_SPOOL_DIR_NAME) : Path.of(dir),
        raw.integer("calllog.spool-max-mb", 1, 1_048_576) * 1024L * 1024L,
        raw.duration("calllog.retry-interval", Duration.ofMillis(100), Duration.ofMinutes(10)));
  }
}
