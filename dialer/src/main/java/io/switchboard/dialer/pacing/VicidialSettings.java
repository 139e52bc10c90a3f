package io.switchboard.dialer.pacing;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The campaign settings VICIdial's adaptive pacing reads ({@code AST_VDadapt.pl}), with its
 * defaults. Immutable.
 *
 * @param dlDiffTarget {@code adaptive_dl_diff_target}, agents waiting for calls (-40..40)
 * @param intensity {@code adaptive_intensity} (-40..40)
 * @param maximumLevel {@code adaptive_maximum_level}, lines per agent cap
 * @param droppedPercentage {@code adaptive_dropped_percentage}, the day's drop limit in percent
 * @param latestServerTime {@code adaptive_latest_server_time} as HHMM, for ADAPT_TAPERED
 * @param zone the zone the HHMM clock is read in
 */
public record VicidialSettings(
    VicidialMethod method,
    int dlDiffTarget,
    int intensity,
    double maximumLevel,
    double droppedPercentage,
    int latestServerTime,
    ZoneId zone) {

  public VicidialSettings {
    if (dlDiffTarget < -40 || dlDiffTarget > 40 || intensity < -40 || intensity > 40) {
      throw new IllegalArgumentException("dl_diff_target and intensity must be in -40..40");
    }
    if (!(maximumLevel >= 1.0)) {
      throw new IllegalArgumentException("adaptive_maximum_level must be at least 1.0");
    }
  }

  /** VICIdial's defaults for the method, with the shift ending at 17:00 UTC. */
  public static VicidialSettings defaults(VicidialMethod method) {
    return new VicidialSettings(method, 0, 0, 3.0, 3.0, 1700, ZoneOffset.UTC);
  }

  /** The same settings with another diff target and intensity. */
  public VicidialSettings tuned(int newDlDiffTarget, int newIntensity) {
    return new VicidialSettings(
        method,
        newDlDiffTarget,
        newIntensity,
        maximumLevel,
        droppedPercentage,
        latestServerTime,
        zone);
  }
}
