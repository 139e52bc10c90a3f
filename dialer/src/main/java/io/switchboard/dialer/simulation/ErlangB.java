package io.switchboard.dialer.simulation;

/**
 * The open-loop Erlang-B sanity line (reference sections 2.4 and 4.3, item 5): live answers arrive
 * as a Poisson stream, any answer that finds all N agents busy is lost (the 2 s grace is about no
 * queue), so the system is M/G/N/N and the abandon rate is B(N, a). Stateless; thread-safe.
 */
public final class ErlangB {
  private ErlangB() {}

  /** Blocking probability B(N, a) by the stable recursion. */
  public static double blocking(int agents, double offeredErlangs) {
    double b = 1;
    for (int k = 1; k <= agents; k++) {
      b = offeredErlangs * b / (k + offeredErlangs * b);
    }
    return b;
  }

  /** The offered load a at which B(N, a) equals the target, by bisection. */
  public static double offeredLoad(int agents, double targetBlocking) {
    double lo = 0;
    double hi = 2.0 * agents + 10;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (blocking(agents, mid) > targetBlocking) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return lo;
  }

  /**
   * Talk occupancy of the open loop at the target abandon rate: the carried load a(1 − B) per
   * agent, times the talk share of the hold time (hold = mean talk + mean wrap-up).
   */
  public static double talkOccupancy(
      int agents, double targetBlocking, double talkMean, double wrapMean) {
    double a = offeredLoad(agents, targetBlocking);
    return a * (1 - targetBlocking) / agents * talkMean / (talkMean + wrapMean);
  }

  /** Conversations per agent-hour of the open loop at the target abandon rate. */
  public static double conversationsPerAgentHour(
      int agents, double targetBlocking, double talkMean, double wrapMean) {
    double a = offeredLoad(agents, targetBlocking);
    return a * (1 - targetBlocking) / agents * 3600 / (talkMean + wrapMean);
  }

  /** The line for a scenario, from its true mean talk and wrap-up times. */
  public static double talkOccupancy(Scenario scenario) {
    return talkOccupancy(
        scenario.agents(), PolicySummary.LIMIT, scenario.talk().expectedMean(), Scenario.WRAP_MEAN);
  }
}
