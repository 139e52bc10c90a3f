package io.switchboard.deploy.bench;

/** Prints the screen-pop benchmark's figures as one table, the node's path first. */
final class ScreenPopReport {

  private ScreenPopReport() {}

  /** The run's conditions, from the command line. */
  record Settings(
      int agents,
      int customers,
      int queues,
      double rate,
      int warmupSeconds,
      int seconds,
      int poolSize) {}

  /** What happened in the measured window. */
  record Outcome(long callsPlaced, long screenPops, long callsFailed, String loadAverage) {}

  /** One timed path: its window's figures and its counts since the start. */
  record Path(LatencySamples.Summary summary, PathTimer timer) {}

  static void print(
      Settings run, Outcome outcome, ConsoleCounters counters, Path node, Path raw, CrmProbe crm) {
    System.out.printf(
        "%nscreen pop: %,d agents in %d queues, %,d customers, %.0f calls/s asked,"
            + " %d s warm-up, %d s measured, PostgreSQL pool %s, %d cores, load average %s%n",
        run.agents(),
        run.queues(),
        run.customers(),
        run.rate(),
        run.warmupSeconds(),
        run.seconds(),
        run.poolSize() > 0 ? Integer.toString(run.poolSize()) : "default",
        Runtime.getRuntime().availableProcessors(),
        outcome.loadAverage());
    System.out.printf(
        "calls placed %.1f/s, screen pops shown %.1f/s (%d with the customer's 360 view in all),"
            + " wrap-up commands refused %d, consoles closed %d, calls not placed %d%n",
        outcome.callsPlaced() / (double) run.seconds(),
        outcome.screenPops() / (double) run.seconds(),
        counters.withCustomer.get(),
        counters.commandErrors.get(),
        counters.closed.get(),
        outcome.callsFailed());
    if (counters.firstCommandError.get() != null) {
      System.out.println("first wrap-up command refused: " + counters.firstCommandError.get());
    }
    System.out.println(LatencySamples.Summary.header());
    System.out.println(node.summary().row(node.timer().label()));
    System.out.println(raw.summary().row("reference: AgentCalled -> raw AMI client (harness)"));
    System.out.println(
        crm.lookups().summary().row("reference: CRM lookup by phone over REST (10/s)"));
    System.out.println(
        crm.lookupAnd360().summary().row("reference: CRM lookup + 360 view over REST (10/s)"));
    System.out.printf(
        "since the start: node path %s, %d unpaired (a ring without a screen pop, or the"
            + " reverse); raw path %s, %d unpaired; CRM probe errors %d%n",
        node.timer().counts(),
        node.timer().unmatched(),
        raw.timer().counts(),
        raw.timer().unmatched(),
        crm.errors());
  }
}
