package io.switchboard.dialer.simulation;

/** One simulated call's truth and progress. Mutable; owned by one {@link DaySimulation}. */
final class SimCall {
  /** The truth of a dial. */
  enum Truth {
    HUMAN,
    MACHINE,
    FAIL,
    NO_ANSWER
  }

  final int index;
  final String id;
  final DialDraw draw;
  final Truth truth;
  double readyAt;
  boolean waiting;
  double releaseWrap;

  SimCall(int index, DialDraw draw, Truth truth) {
    this.index = index;
    this.id = "c" + index;
    this.draw = draw;
    this.truth = truth;
  }
}
