package io.switchboard.deploy.bench;

import io.switchboard.deploy.ServerProcess;

/**
 * Prints the node's Prometheus samples whose names start with given prefixes (the SQL pool's queue
 * and usage, say), read over {@code GET /metrics}. Blocking: main thread only.
 */
final class NodeMetrics {

  private NodeMetrics() {}

  static void print(int port, String... prefixes) throws Exception {
    String body = ServerProcess.get(port, "/metrics").body();
    for (String line : body.split("\n")) {
      for (String prefix : prefixes) {
        if (line.startsWith(prefix)) {
          System.out.println("  " + line);
          break;
        }
      }
    }
  }
}
