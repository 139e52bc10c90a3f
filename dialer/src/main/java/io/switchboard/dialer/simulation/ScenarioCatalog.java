package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.AbandonAccounting;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The scenarios of the reference's section 4.2, by id. Immutable; thread-safe. */
public final class ScenarioCatalog {
  private static final TalkModel TALK = TalkModel.lognormal(180, 1.0);

  private static final List<Scenario> ALL =
      List.of(
          cold("C1", 20),
          warm("C2", 20),
          cold("C3", 50),
          warm("C4", 50),
          amd(cold("A1", 20), false, 0, 0, AbandonAccounting.US),
          amd(cold("A2-20", 20), true, 0.02, 0.10, AbandonAccounting.UK),
          amd(cold("A2-50", 50), true, 0.02, 0.10, AbandonAccounting.UK),
          amd(cold("A3", 20), true, 0.12, 0.20, AbandonAccounting.UK),
          cold("S1-5", 5),
          cold("S1-10", 10),
          cold("S2-100", 100),
          cold("S2-200", 200),
          dip("D1-20", 20),
          dip("D1-50", 50),
          talk(cold("D2", 20), new TalkModel(180, 1.0, 0, 0, 4 * 3600, 300)),
          talk(cold("D3", 20), new TalkModel(250, 1.0, 0.3, 20, -1, 250)),
          pauses(cold("D4", 50)),
          ring(cold("T1-15", 20), 15),
          ring(cold("T1-30", 20), 30));

  /** The core scenarios. */
  public static final List<String> CORE = List.of("C1", "C2", "C3", "C4");

  private ScenarioCatalog() {}

  /** Every scenario, core first. */
  public static List<Scenario> all() {
    return ALL;
  }

  /** The scenario with the id (case-insensitive). */
  public static Optional<Scenario> byId(String id) {
    String wanted = id.toUpperCase(Locale.ROOT);
    return ALL.stream().filter(s -> s.id().equals(wanted)).findFirst();
  }

  private static Scenario cold(String id, int agents) {
    return new Scenario(
        id,
        agents,
        0.15,
        0.25,
        0.15,
        0.15,
        0,
        0,
        true,
        0,
        0.10,
        AbandonAccounting.US,
        20,
        TALK,
        false);
  }

  private static Scenario warm(String id, int agents) {
    return new Scenario(
        id,
        agents,
        0.30,
        0.20,
        0.10,
        0.30,
        0,
        0,
        true,
        0,
        0.10,
        AbandonAccounting.US,
        20,
        TALK,
        false);
  }

  private static Scenario dip(String id, int agents) {
    Scenario w = warm(id, agents);
    return new Scenario(
        id,
        agents,
        0.30,
        0.20,
        0.10,
        0.15,
        3 * 3600,
        6 * 3600,
        true,
        0,
        0.10,
        w.accounting(),
        20,
        TALK,
        false);
  }

  private static Scenario amd(
      Scenario s, boolean on, double fp, double fn, AbandonAccounting accounting) {
    return new Scenario(
        s.id(),
        s.agents(),
        s.pHuman(),
        s.pMachine(),
        s.pFail(),
        s.dipHuman(),
        s.dipStart(),
        s.dipEnd(),
        on,
        fp,
        fn,
        accounting,
        s.ringLimit(),
        s.talk(),
        s.pauses());
  }

  private static Scenario talk(Scenario s, TalkModel talk) {
    return new Scenario(
        s.id(),
        s.agents(),
        s.pHuman(),
        s.pMachine(),
        s.pFail(),
        s.dipHuman(),
        s.dipStart(),
        s.dipEnd(),
        s.amd(),
        s.falsePositive(),
        s.falseNegative(),
        s.accounting(),
        s.ringLimit(),
        talk,
        s.pauses());
  }

  private static Scenario pauses(Scenario s) {
    return new Scenario(
        s.id(),
        s.agents(),
        s.pHuman(),
        s.pMachine(),
        s.pFail(),
        s.dipHuman(),
        s.dipStart(),
        s.dipEnd(),
        s.amd(),
        s.falsePositive(),
        s.falseNegative(),
        s.accounting(),
        s.ringLimit(),
        s.talk(),
        true);
  }

  private static Scenario ring(Scenario s, double limit) {
    return new Scenario(
        s.id(),
        s.agents(),
        s.pHuman(),
        s.pMachine(),
        s.pFail(),
        s.dipHuman(),
        s.dipStart(),
        s.dipEnd(),
        s.amd(),
        s.falsePositive(),
        s.falseNegative(),
        s.accounting(),
        limit,
        s.talk(),
        s.pauses());
  }
}
