package io.switchboard.dialer.compliance;

import io.switchboard.dialer.campaign.CallingWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A campaign's calling window read in one or more of the callee's possible zones. With several
 * zones the most restrictive reading applies: the window is open only while it is open in every
 * zone. Pure; immutable.
 */
final class LocalWindow {

  /** A weekly window that has no common open time within this many days never will. */
  private static final int HORIZON_DAYS = 8;

  private final CallingWindow window;
  private final List<ZoneId> zones;

  LocalWindow(CallingWindow window, List<ZoneId> zones) {
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("at least one zone is required");
    }
    this.window = window;
    this.zones = List.copyOf(zones);
  }

  /** Whether the window is open at {@code instant} in every zone. */
  boolean openAt(Instant instant) {
    for (ZoneId zone : zones) {
      if (!window.contains(LocalDateTime.ofInstant(instant, zone))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first instant after {@code now} at which the window is open in every zone; empty when there
   * is none within a week (zones too far apart for the window). A common opening always starts at
   * one zone's opening, so only those are tried.
   */
  Optional<Instant> nextOpening(Instant now) {
    List<Instant> candidates = new ArrayList<>();
    for (ZoneId zone : zones) {
      LocalDate today = LocalDate.ofInstant(now, zone);
      for (int day = -1; day <= HORIZON_DAYS; day++) {
        LocalDate date = today.plusDays(day);
        if (window.days().contains(date.getDayOfWeek())) {
          Instant opening = ZonedDateTime.of(date, window.start(), zone).toInstant();
          if (opening.isAfter(now)) {
            candidates.add(opening);
          }
        }
      }
    }
    candidates.sort(null);
    for (Instant candidate : candidates) {
      if (openAt(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The first zone in which the window is closed at {@code instant}, for the skip's detail. */
  Optional<ZoneId> closedZoneAt(Instant instant) {
    for (ZoneId zone : zones) {
      if (!window.contains(LocalDateTime.ofInstant(instant, zone))) {
        return Optional.of(zone);
      }
    }
    return Optional.empty();
  }
}
