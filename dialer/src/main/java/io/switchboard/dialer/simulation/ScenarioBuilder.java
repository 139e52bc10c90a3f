package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.AbandonAccounting;

/**
 * Builds a {@link Scenario} from a base one with a few parts changed, so that the catalogue states
 * each variant by what differs. Not thread-safe; used once per scenario at class initialisation.
 */
final class ScenarioBuilder {
  private final String id;
  private final int agents;
  private double pHuman;
  private double pMachine;
  private double pFail;
  private double dipHuman;
  private double dipStart;
  private double dipEnd;
  private boolean amd = true;
  private double falsePositive;
  private double falseNegative = 0.10;
  private AbandonAccounting accounting = AbandonAccounting.US;
  private double ringLimit = 20;
  private TalkModel talk;
  private boolean pauses;

  /** A scenario with the reference's defaults: AMD on (FP 0, FN 0.10), US accounting, 20 s ring. */
  ScenarioBuilder(
      String id, int agents, double pHuman, double pMachine, double pFail, TalkModel talk) {
    this.id = id;
    this.agents = agents;
    this.pHuman = pHuman;
    this.pMachine = pMachine;
    this.pFail = pFail;
    this.dipHuman = pHuman;
    this.talk = talk;
  }

  /** The person-answer probability drops to {@code dipHuman} between two times of the day. */
  ScenarioBuilder answerDip(double newDipHuman, double start, double end) {
    this.dipHuman = newDipHuman;
    this.dipStart = start;
    this.dipEnd = end;
    return this;
  }

  /** AMD on or off, its error rates, and the abandon accounting. */
  ScenarioBuilder amd(boolean on, double fp, double fn, AbandonAccounting newAccounting) {
    this.amd = on;
    this.falsePositive = fp;
    this.falseNegative = fn;
    this.accounting = newAccounting;
    return this;
  }

  ScenarioBuilder talk(TalkModel newTalk) {
    this.talk = newTalk;
    return this;
  }

  ScenarioBuilder pauses() {
    this.pauses = true;
    return this;
  }

  ScenarioBuilder ringLimit(double seconds) {
    this.ringLimit = seconds;
    return this;
  }

  Scenario build() {
    return new Scenario(
        id,
        agents,
        pHuman,
        pMachine,
        pFail,
        dipHuman,
        dipStart,
        dipEnd,
        amd,
        falsePositive,
        falseNegative,
        accounting,
        ringLimit,
        talk,
        pauses);
  }
}
