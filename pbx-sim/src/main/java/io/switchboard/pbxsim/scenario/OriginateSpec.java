package io.switchboard.pbxsim.scenario;

/**
 * What unscripted Originates meet (reference 1.7 outcomes), as shares that are normalised; {@code
 * machine} is the share of answered calls AMD reports as MACHINE.
 */
public record OriginateSpec(
    Double answered,
    Double busy,
    Double noAnswer,
    Double congestion,
    Double failed,
    Double machine,
    Duration ring,
    Duration talk) {

  public OriginateSpec {
    answered = share(answered, 0.7, "answered");
    busy = share(busy, 0.1, "busy");
    noAnswer = share(noAnswer, 0.15, "noAnswer");
    congestion = share(congestion, 0.03, "congestion");
    failed = share(failed, 0.02, "failed");
    machine = share(machine, 0.2, "machine");
    ring = ring == null ? Duration.uniform(3, 12) : ring;
    if (answered + busy + noAnswer + congestion + failed <= 0) {
      throw new IllegalArgumentException("originate outcome shares add up to nothing");
    }
  }

  private static double share(Double v, double fallback, String name) {
    double x = v == null ? fallback : v;
    if (x < 0) {
      throw new IllegalArgumentException("originate." + name + " must not be negative");
    }
    return x;
  }

  public static OriginateSpec defaults() {
    return new OriginateSpec(null, null, null, null, null, null, null, null);
  }
}
