package io.switchboard.dialer.simulation;

/**
 * A scheduled simulator event, ordered by time, then kind (agents free up before a grace period
 * expires at the same instant; the policy tick comes last), then sequence number. Immutable.
 */
record SimEvent(double time, Kind kind, long sequence, int call, int agent)
    implements Comparable<SimEvent> {

  /** What happens; the declaration order is the tie-break priority. */
  enum Kind {
    WRAP_END,
    PAUSE_END,
    TALK_END,
    RELEASE,
    RING,
    ANSWER,
    AMD_DONE,
    READY,
    GRACE_EXPIRE,
    TICK
  }

  @Override
  public int compareTo(SimEvent o) {
    int c = Double.compare(time, o.time);
    if (c != 0) {
      return c;
    }
    c = kind.compareTo(o.kind);
    return c != 0 ? c : Long.compare(sequence, o.sequence);
  }
}
