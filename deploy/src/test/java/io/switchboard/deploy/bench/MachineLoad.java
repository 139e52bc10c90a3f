package io.switchboard.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's one-minute load average from {@code /proc/loadavg} (Linux), printed beside the
 * figures: on shared cores, other work moves latency more than anything the benchmark varies.
 */
final class MachineLoad {

  private MachineLoad() {}

  static String oneMinute() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
