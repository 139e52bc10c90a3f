package io.switchboard.deploy.bench;

import io.switchboard.deploy.ServerProcess;
import io.switchboard.deploy.ServiceUrls;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The node under test: the runnable jar in its own process ({@link ServerProcess}, so run the
 * benchmark from the {@code deploy} directory after {@code package}), in production mode on the
 * benchmark's PostgreSQL database and Redis prefix, with a known admin password and, when given,
 * the simulator as its one Asterisk server {@code pbx}. Blocking: main thread only.
 */
final class BenchNode implements AutoCloseable {

  static final String ADMIN_PASSWORD = "bench admin password";
  static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g");

  private final ServerProcess process;
  private final int port;

  private BenchNode(ServerProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the node and waits until it says it is ready; {@code amiPort} 0: no Asterisk. */
  static BenchNode start(TestDatabase database, TestRedis redis, int amiPort) throws Exception {
    return start(database, redis, amiPort, Map.of());
  }

  /** The same, with more {@code SWITCHBOARD_*} settings (say a bigger PostgreSQL pool). */
  static BenchNode start(
      TestDatabase database, TestRedis redis, int amiPort, Map<String, String> settings)
      throws Exception {
    Path directory = Files.createTempDirectory("switchboard-bench");
    Map<String, String> more = new HashMap<>(settings);
    more.put("SWITCHBOARD_DATA_DIR", directory.resolve("data").toString());
    if (amiPort > 0) {
      more.put("SWITCHBOARD_AMI_SERVERS", "pbx=ami://admin:admin@127.0.0.1:" + amiPort);
    }
    Map<String, String> environment =
        ServiceUrls.productionEnvironment(database, redis, ADMIN_PASSWORD, more);
    ServerProcess process = ServerProcess.start(directory, JVM_OPTIONS, environment);
    try {
      return new BenchNode(process, process.awaitReady(Duration.ofSeconds(120)));
    } catch (RuntimeException | AssertionError | InterruptedException failed) {
      process.close();
      throw failed;
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** The node's used heap after full collections, in bytes. */
  long usedHeapAfterGc() throws Exception {
    return HeapProbe.usedAfterGc(process.pid());
  }

  /** Lines the node logged at WARN or ERROR, for the report. */
  List<String> warnings() {
    return process.stdoutLines().stream()
        .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
        .toList();
  }

  /**
   * The line after the first {@code Unhandled exception} the node logged (its exception), or null.
   */
  String firstUnhandledException() {
    List<String> lines = process.stdoutLines();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).contains("Unhandled exception")) {
        // The exception and the top of its stack: where in the node it came from.
        return String.join("\n", lines.subList(i + 1, Math.min(lines.size(), i + 12)));
      }
    }
    return null;
  }

  /** SIGTERM, then up to 15 s for a clean exit. */
  @Override
  public void close() throws Exception {
    process.terminate();
    if (process.awaitExit(Duration.ofSeconds(15)).isEmpty()) {
      process.close();
    }
  }
}
