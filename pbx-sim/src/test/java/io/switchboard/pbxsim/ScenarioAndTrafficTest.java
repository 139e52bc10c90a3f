package io.switchboard.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ami.codec.AmiFrameEncoder;
import io.switchboard.pbxsim.model.ManualScheduler;
import io.switchboard.pbxsim.model.PbxModel;
import io.switchboard.pbxsim.scenario.MemberSpec;
import io.switchboard.pbxsim.scenario.QueueSpec;
import io.switchboard.pbxsim.scenario.Scenario;
import io.switchboard.pbxsim.scenario.ScenarioParser;
import io.switchboard.pbxsim.traffic.TrafficGenerator;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioAndTrafficTest {

  private static final String YAML =
      """
      trunk: carrier
      queues:
        - name: billing
          strategy: rrmemory
          timeout: 20
          wrapuptime: 5
          members:
            - interface: PJSIP/2001
              name: Ann
              penalty: 1
            - interface: Local/2002@from-queue/n
              paused: true
      traffic:
        rate: 120/m
        talk: {kind: uniform, min: 30, max: 90}
      """;

  @Test
  void aYamlScenarioIsReadWithItsDefaults() {
    Scenario s = ScenarioParser.parse(YAML);
    assertThat(s.trunk()).isEqualTo("carrier");
    QueueSpec q = s.queues().get(0);
    assertThat(q.timeoutValue()).isEqualTo(20);
    assertThat(q.retryValue()).isEqualTo(5);
    assertThat(q.members())
        .extracting(MemberSpec::iface)
        .containsExactly("PJSIP/2001", "Local/2002@from-queue/n");
    assertThat(s.traffic().rate()).isEqualTo("120/m");
  }

  @Test
  void scenarioMistakesAreNamed() {
    assertThatThrownBy(() -> ScenarioParser.parse("queues:\n  - name: a\n    strategy: random\n"))
        .hasMessageContaining("queue strategy 'random' is not simulated");
    assertThatThrownBy(() -> ScenarioParser.parse("queuez: []\n")).hasMessageContaining("queuez");
    assertThatThrownBy(() -> ScenarioParser.parse("traffic:\n  rate: fast\n"))
        .hasMessageContaining("rate must look like");
    assertThatThrownBy(
            () ->
                ScenarioParser.parse(
                    "queues:\n  - name: a\n    members:\n      - interface: 1001\n"))
        .hasMessageContaining("PJSIP/1001");
  }

  @Test
  void theCommandLineBuildsSettingsAndRejectsMistakes() {
    PbxSimSettings s =
        PbxSimMain.parse(
            new String[] {
              "--port",
              "6038",
              "--rate",
              "5/s",
              "--seed",
              "9",
              "--user",
              "u",
              "--secret",
              "p",
              "--ami-version",
              "9.0.0"
            });
    assertThat(s.ami().port()).isEqualTo(6038);
    assertThat(s.ami().amiVersion()).isEqualTo("9.0.0");
    assertThat(s.ami().users()).containsEntry("u", "p");
    assertThat(s.scenario().traffic().rate()).isEqualTo("5/s");
    assertThat(s.seed()).isEqualTo(9);
    assertThat(s.trafficEnabled()).isTrue();
    assertThatThrownBy(() -> PbxSimMain.parse(new String[] {"--user", "u"}))
        .hasMessageContaining("--user and --secret");
    assertThatThrownBy(() -> PbxSimMain.parse(new String[] {"--port", "x"}))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> PbxSimMain.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("unknown option --bogus");
  }

  private static String run(long seed) {
    ManualScheduler clock = new ManualScheduler(PbxSimSettings.DEFAULT_START_MILLIS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PbxModel model =
        new PbxModel(
            clock, m -> out.writeBytes(AmiFrameEncoder.encode(m)), new SplittableRandom(seed), 0);
    Scenario s = Scenario.builtIn();
    for (QueueSpec q : s.queues()) {
      model.addQueue(
          q.name(),
          q.strategyValue(),
          q.timeoutValue(),
          q.retryValue(),
          q.wrapupValue(),
          q.serviceLevelValue());
      for (MemberSpec m : q.members()) {
        model.addStaticMember(q.name(), m.iface(), m.name(), null, 0, false);
      }
    }
    TrafficGenerator traffic =
        new TrafficGenerator(model, clock, s.traffic().withRate("2/s"), seed);
    traffic.start();
    clock.advance(600_000);
    assertThat(traffic.placed()).isGreaterThan(900);
    return out.toString();
  }

  @Test
  void theSameSeedGivesTheSameTenMinutesOfEventsAndAnotherSeedDoesNot() {
    String first = run(42);
    assertThat(run(42)).isEqualTo(first);
    assertThat(run(43)).isNotEqualTo(first);
    assertThat(first).contains("Event: AgentComplete", "Event: QueueCallerAbandon");
  }
}
