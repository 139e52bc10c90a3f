package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.AgentState;
import java.util.Arrays;

/** Collects one simulated day's figures from the simulator's truth. Mutable; one owner. */
final class DayMetrics {
  private double talk;
  private double machineHandling;
  private double wrap;
  private double available;
  long liveAnswered;
  long abandonedLive;
  long abandonedMachines;
  long falsePositives;
  long agentCodedMachines;
  long conversations;
  long dials;
  private double[] waits = new double[256];
  private int waitCount;
  private double[] readyToBridge = new double[256];
  private int bridgeCount;

  /** Per minute of the shift: live answers, abandoned people, AMD false positives. */
  final int[] liveByMinute = new int[MINUTES];

  final int[] abandonedByMinute = new int[MINUTES];
  final int[] falsePositivesByMinute = new int[MINUTES];

  /** Minutes in the shift. */
  static final int MINUTES = (int) (Scenario.SHIFT_SECONDS / 60);

  /** The minute bin of a time of day, clamped to the shift. */
  static int minute(double seconds) {
    return (int) Math.max(0, Math.min(MINUTES - 1, Math.floor(seconds / 60)));
  }

  /** Accounts for an agent's time in a state that is ending. */
  void agentTime(AgentState state, boolean humanCall, double seconds) {
    if (state == AgentState.PAUSED || state == AgentState.LOGGED_OUT) {
      return;
    }
    available += seconds;
    if (state == AgentState.IN_CALL) {
      if (humanCall) {
        talk += seconds;
      } else {
        machineHandling += seconds;
      }
    } else if (state == AgentState.WRAP_UP) {
      wrap += seconds;
    }
  }

  void conversation(double wait, double readyToBridgeSeconds) {
    conversations++;
    if (waitCount == waits.length) {
      waits = Arrays.copyOf(waits, waitCount * 2);
      readyToBridge = Arrays.copyOf(readyToBridge, waitCount * 2);
    }
    waits[waitCount++] = wait;
    readyToBridge[bridgeCount++] = readyToBridgeSeconds;
  }

  DayResult result(String logHash) {
    double handled = conversations + agentCodedMachines;
    double machineShare = handled == 0 ? 0 : agentCodedMachines / handled;
    double drops = (abandonedLive + abandonedMachines) * (1 - machineShare);
    double ofcom = conversations + drops == 0 ? 0 : drops / (conversations + drops);
    return new DayResult(
        available == 0 ? 0 : talk / available,
        available == 0 ? 0 : (talk + machineHandling + wrap) / available,
        liveAnswered,
        abandonedLive,
        falsePositives,
        ofcom,
        conversations,
        dials,
        available / 3600,
        Arrays.copyOf(waits, waitCount),
        Arrays.copyOf(readyToBridge, bridgeCount),
        new DayResult.MinuteCounts(
            liveByMinute.clone(), abandonedByMinute.clone(), falsePositivesByMinute.clone()),
        logHash);
  }
}
