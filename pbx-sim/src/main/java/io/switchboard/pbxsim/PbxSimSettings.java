package io.switchboard.pbxsim;

import io.switchboard.pbxsim.scenario.Scenario;
import io.switchboard.pbxsim.server.AmiServerSettings;
import java.util.List;

/**
 * Everything a simulator run needs, immutable: the manager's listening settings, the scenario
 * (queues, members, trunk, traffic), the seed, the clock, and an optional capture to replay.
 *
 * @param ami manager settings (port, banner version, accounts, back-pressure)
 * @param scenario queues, members, trunk and traffic profile
 * @param seed seeds every random stream (traffic, originate outcomes, bridge ids)
 * @param manualClock true: time moves only through {@link PbxSimulator#advance}; false: real time
 * @param startMillis the manual clock's start (epoch ms); Uniqueids take their seconds from it
 * @param trafficEnabled whether the scenario's generator places calls by itself
 * @param replay capture blocks to send each session after login (empty: none)
 * @param replayIntervalMillis pause between replayed blocks; 0 sends them back to back
 */
public record PbxSimSettings(
    AmiServerSettings ami,
    Scenario scenario,
    long seed,
    boolean manualClock,
    long startMillis,
    boolean trafficEnabled,
    List<String> replay,
    long replayIntervalMillis) {

  /** The manual clock's default start: 2026-01-01T00:00:00Z. */
  public static final long DEFAULT_START_MILLIS = 1_767_225_600_000L;

  public PbxSimSettings {
    replay = List.copyOf(replay);
    if (replayIntervalMillis < 0) {
      throw new IllegalArgumentException("replayIntervalMillis must not be negative");
    }
  }

  /** For tests: port 0, built-in scenario, manual clock, no traffic, seed 1. */
  public static PbxSimSettings forTests() {
    return new PbxSimSettings(
        AmiServerSettings.defaults(0).withFailedLoginDelayMillis(10),
        Scenario.builtIn(),
        1,
        true,
        DEFAULT_START_MILLIS,
        false,
        List.of(),
        0);
  }

  public PbxSimSettings withScenario(Scenario s) {
    return new PbxSimSettings(
        ami, s, seed, manualClock, startMillis, trafficEnabled, replay, replayIntervalMillis);
  }

  public PbxSimSettings withAmi(AmiServerSettings a) {
    return new PbxSimSettings(
        a, scenario, seed, manualClock, startMillis, trafficEnabled, replay, replayIntervalMillis);
  }

  public PbxSimSettings withTraffic(boolean enabled) {
    return new PbxSimSettings(
        ami, scenario, seed, manualClock, startMillis, enabled, replay, replayIntervalMillis);
  }

  public PbxSimSettings withReplay(List<String> files, long intervalMillis) {
    return new PbxSimSettings(
        ami, scenario, seed, manualClock, startMillis, trafficEnabled, files, intervalMillis);
  }

  public PbxSimSettings withSeed(long newSeed) {
    return new PbxSimSettings(
        ami,
        scenario,
        newSeed,
        manualClock,
        startMillis,
        trafficEnabled,
        replay,
        replayIntervalMillis);
  }

  public PbxSimSettings withRealClock() {
    return new PbxSimSettings(
        ami, scenario, seed, false, startMillis, trafficEnabled, replay, replayIntervalMillis);
  }
}
