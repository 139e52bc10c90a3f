package io.switchboard.crm.bench;

import io.switchboard.core.config.PostgresAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs pgbench with a custom script against the benchmark database and reads its per-transaction
 * log.
 */
final class PgbenchRun {

  private PgbenchRun() {}

  static BenchResult run(PostgresAddress address, BenchOptions options, Path script)
      throws IOException, InterruptedException {
    Path logs = Files.createTempDirectory("pgbench");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            executable(options),
            "-n",
            "-M",
            "prepared",
            "-c",
            Integer.toString(options.connections()),
            "-j",
            "2",
            "-T",
            Integer.toString(options.seconds()),
            "-f",
            script.toString(),
            "-l",
            "--log-prefix=" + logs.resolve("lookup"),
            "-h",
            address.host(),
            "-p",
            Integer.toString(address.port()),
            "-U",
            address.user(),
            address.database()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (address.password() != null) {
      builder.environment().put("PGPASSWORD", address.password());
    }
    // Warm-up as for the API, then the measured run.
    List<String> warmUp = new ArrayList<>(command);
    warmUp.set(warmUp.indexOf("-T") + 1, Integer.toString(Math.min(5, options.seconds())));
    warmUp.remove("-l");
    warmUp.removeIf(arg -> arg.startsWith("--log-prefix"));
    exec(new ProcessBuilder(warmUp).redirectErrorStream(true), address);
    String output = exec(builder, address);
    long[] latencies = new long[1 << 20];
    int count = 0;
    List<Path> files;
    try (Stream<Path> list = Files.list(logs)) {
      files = list.toList();
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.split(" ");
        if (count == latencies.length) {
          latencies = java.util.Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[count++] = Long.parseLong(fields[2]);
      }
      Files.delete(file);
    }
    Files.delete(logs);
    java.util.regex.Matcher failures =
        java.util.regex.Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
    long failed = failures.find() ? Long.parseLong(failures.group(1)) : 0;
    return BenchResult.of(latencies, count, options.seconds(), failed);
  }

  private static String exec(ProcessBuilder builder, PostgresAddress address)
      throws IOException, InterruptedException {
    if (address.password() != null) {
      builder.environment().put("PGPASSWORD", address.password());
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed:\n" + output);
    }
    return output;
  }

  private static String executable(BenchOptions options) {
    if (options.pgbench() != null) {
      return options.pgbench();
    }
    Path debian = Path.of("/usr/lib/postgresql/15/bin/pgbench");
    return Files.isExecutable(debian) ? debian.toString() : "pgbench";
  }
}
