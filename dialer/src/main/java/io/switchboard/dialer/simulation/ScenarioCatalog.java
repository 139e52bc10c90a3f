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
          cold("C1", 20).build(),
          warm("C2", 20).build(),
          cold("C3", 50).build(),
          warm("C4", 50).build(),
          cold("A1", 20).amd(false, 0, 0, AbandonAccounting.US).build(),
          cold("A2-20", 20).amd(true, 0.02, 0.10, AbandonAccounting.UK).build(),
          cold("A2-50", 50).amd(true, 0.02, 0.10, AbandonAccounting.UK).build(),
          cold("A3", 20).amd(true, 0.12, 0.20, AbandonAccounting.UK).build(),
          cold("S1-5", 5).build(),
          cold("S1-10", 10).build(),
          cold("S2-100", 100).build(),
          cold("S2-200", 200).build(),
          warm("D1-20", 20).answerDip(0.15, 3 * 3600, 6 * 3600).build(),
          warm("D1-50", 50).answerDip(0.15, 3 * 3600, 6 * 3600).build(),
          cold("D2", 20).talk(new TalkModel(180, 1.0, 0, 0, 4 * 3600, 300)).build(),
          cold("D3", 20).talk(new TalkModel(250, 1.0, 0.3, 20, -1, 250)).build(),
          cold("D4", 50).pauses().build(),
          cold("T1-15", 20).ringLimit(15).build(),
          cold("T1-30", 20).ringLimit(30).build());

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

  /** A cold list: 15 % people, 25 % machines, 15 % busy or invalid (reference section 4.2). */
  private static ScenarioBuilder cold(String id, int agents) {
    return new ScenarioBuilder(id, agents, 0.15, 0.25, 0.15, TALK);
  }

  /** A warm list: 30 % people, 20 % machines, 10 % busy or invalid. */
  private static ScenarioBuilder warm(String id, int agents) {
    return new ScenarioBuilder(id, agents, 0.30, 0.20, 0.10, TALK);
  }
}
