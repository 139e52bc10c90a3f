package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.AbandonAccounting;

/**
 * One benchmark scenario (reference section 4.2): team size, dial outcome probabilities, AMD,
 * accounting, ring limit, talk model and variants. The simulator knows it; policies never see it.
 * Immutable.
 *
 * @param id short name, e.g. C1
 * @param agents agents logged in all day
 * @param pHuman probability a dial is answered by a person
 * @param pMachine probability it is answered by a machine
 * @param pFail probability of busy, SIT or invalid
 * @param dipHuman the person-answer probability during the dip (D1), or {@code pHuman}
 * @param dipStart dip start in seconds into the day
 * @param dipEnd dip end
 * @param amd whether AMD runs
 * @param falsePositive P(AMD calls a person a machine)
 * @param falseNegative P(AMD passes a machine to an agent)
 * @param accounting which abandon accounting applies
 * @param ringLimit seconds of ringing before a call counts as not answered
 * @param talk the talk-time model
 * @param pauses whether agents take staggered 6-minute pauses every hour (D4)
 */
public record Scenario(
    String id,
    int agents,
    double pHuman,
    double pMachine,
    double pFail,
    double dipHuman,
    double dipStart,
    double dipEnd,
    boolean amd,
    double falsePositive,
    double falseNegative,
    AbandonAccounting accounting,
    double ringLimit,
    TalkModel talk,
    boolean pauses) {

  /** The shift length: one 8 h day. */
  public static final double SHIFT_SECONDS = 8 * 3600;

  /** Mean wrap-up time of conversations with people. */
  public static final double WRAP_MEAN = 30;

  /** Coefficient of variation of wrap-up time. */
  public static final double WRAP_CV = 0.5;

  /** The person-answer probability for a dial placed at {@code t}. */
  public double pHumanAt(double t) {
    return t >= dipStart && t < dipEnd ? dipHuman : pHuman;
  }

  /**
   * The perfect-foresight ceiling of talk occupancy: E[T] / (E[T] + E[W]), weighted by the time
   * before and after a talk-time drift.
   */
  public double ceilingOccupancy() {
    double t = talk.expectedMean();
    double before = t / (t + WRAP_MEAN);
    if (talk.driftAt() < 0 || talk.driftAt() >= SHIFT_SECONDS) {
      return before;
    }
    double share = talk.driftAt() / SHIFT_SECONDS;
    double after = talk.driftMean() / (talk.driftMean() + WRAP_MEAN);
    return share * before + (1 - share) * after;
  }

  /** The ceiling's conversations per agent-hour. */
  public double ceilingConversationsPerHour() {
    return 3600 / (talk.expectedMean() + WRAP_MEAN);
  }
}
