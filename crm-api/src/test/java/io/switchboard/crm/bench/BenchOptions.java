package io.switchboard.crm.bench;

/** The benchmark's command-line options with their defaults. */
record BenchOptions(int customers, int seconds, int connections, int inFlight, String pgbench) {

  static BenchOptions parse(String[] args) {
    int customers = 1_000_000;
    int seconds = 20;
    int connections = 8;
    int inFlight = 32;
    String pgbench = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--customers" -> customers = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--connections" -> connections = Integer.parseInt(args[i + 1]);
        case "--in-flight" -> inFlight = Integer.parseInt(args[i + 1]);
        case "--pgbench" -> pgbench = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new BenchOptions(customers, seconds, connections, inFlight, pgbench);
  }
}
