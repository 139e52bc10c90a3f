package io.switchboard.dialer.campaign;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * When a campaign may call, in the callee's local time: from {@code start} (inclusive) to {@code
 * end} (exclusive) on each of {@code days}. A window does not cross midnight (calling hours are
 * daytime: FCC 8 am to 9 pm). Immutable.
 */
public record CallingWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

  /** Day names in JSON, Monday first. */
  public static final List<String> DAY_NAMES =
      List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  public CallingWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("start must be before end");
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("at least one day is required");
    }
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
  }

  /** Whether a local date and time lies inside the window. */
  public boolean contains(LocalDateTime local) {
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
  }

  /** The days' names ({@link #DAY_NAMES}), Monday first. */
  public List<String> dayNames() {
    List<String> names = new ArrayList<>();
    for (DayOfWeek day : days) {
      names.add(DAY_NAMES.get(day.getValue() - 1));
    }
    return names;
  }

  /** {@code 09:00} rather than {@code 09:00:00}; seconds only when set. */
  public static String format(LocalTime time) {
    return time.getSecond() == 0 && time.getNano() == 0
        ? String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute())
        : time.toString();
  }

  /** The window in words, such as {@code 09:00-21:00 mon,tue,wed}. */
  public String describe() {
    return format(start) + "-" + format(end) + " " + String.join(",", dayNames());
  }

  /** The days as a bit mask, bit 0 Monday to bit 6 Sunday (the database form). */
  public int daysMask() {
    int mask = 0;
    for (DayOfWeek day : days) {
      mask |= 1 << (day.getValue() - 1);
    }
    return mask;
  }

  /** The days of a bit mask from {@link #daysMask()}. */
  public static Set<DayOfWeek> daysOf(int mask) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if ((mask & (1 << (day.getValue() - 1))) != 0) {
        days.add(day);
      }
    }
    return days;
  }
}
