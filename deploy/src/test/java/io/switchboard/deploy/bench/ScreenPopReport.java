package io.switchboard.deploy.bench;

/** Prints the screen-pop benchmark's figures as one table, the node's path first. */
final class ScreenPopReport {

  private ScreenPopReport() {}

  /** The run's conditions and throughput. */
  record Run(
      int agents,
      int customers,
      int queues,
      double rate,
      int warmupSeconds,
      int seconds,
      long callsPlaced,
      long screenPops,
      String loadAverage) {}

  static void print(
      Run run,
      ConsoleCounters counters,
      LatencySamples.Summary node,
      PathTimer nodePath,
      LatencySamples.Summary raw,
      PathTimer rawPath,
      LatencySamples.Summary crmLookup,
      LatencySamples.Summary crmLookupAnd360,
      long crmErrors,
      long callsFailed) {
    System.out.printf(
        "%nscreen pop: %,d agents in %d queues, %,d customers, %.0f calls/s asked,"
            + " %d s warm-up, %d s measured, %d cores, load average %s%n",
        run.agents(),
        run.queues(),
        run.customers(),
        run.rate(),
        run.warmupSeconds(),
        run.seconds(),
        Runtime.getRuntime().availableProcessors(),
        run.loadAverage());
    System.out.printf(
        "calls placed %.1f/s, screen pops shown %.1f/s (%d with the customer's 360 view in all),"
            + " wrap-up commands refused %d, consoles closed %d, calls not placed %d%n",
        run.callsPlaced() / (double) run.seconds(),
        run.screenPops() / (double) run.seconds(),
        counters.withCustomer.get(),
        counters.commandErrors.get(),
        counters.closed.get(),
        callsFailed);
    System.out.println(LatencySamples.Summary.header());
    System.out.println(node.row(nodePath.label()));
    System.out.println(raw.row("reference: AgentCalled -> raw AMI client (harness)"));
    System.out.println(crmLookup.row("reference: CRM lookup by phone over REST (10/s)"));
    System.out.println(crmLookupAnd360.row("reference: CRM lookup + 360 view over REST (10/s)"));
    System.out.printf(
        "since the start: node path %s, %d unpaired (a ring without a screen pop, or the"
            + " reverse); raw path %s, %d unpaired; CRM probe errors %d%n",
        nodePath.counts(), nodePath.unmatched(), rawPath.counts(), rawPath.unmatched(), crmErrors);
  }
}
