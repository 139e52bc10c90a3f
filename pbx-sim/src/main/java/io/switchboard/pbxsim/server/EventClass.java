package io.switchboard.pbxsim.server;

import io.switchboard.pbxsim.model.AstWords;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asterisk's event and permission classes ({@code EVENT_FLAG_*} in {@code
 * include/asterisk/manager.h}, reference 1.4) and the mask arithmetic of {@code main/manager.c}:
 * {@code strings_to_mask} for the {@code Events:} / {@code EventMask:} headers and the delivery
 * test {@code (mask & category) == category}. Stateless; the privilege cache is thread-safe.
 */
public enum EventClass {
  SYSTEM(1),
  CALL(1 << 1),
  LOG(1 << 2),
  VERBOSE(1 << 3),
  COMMAND(1 << 4),
  AGENT(1 << 5),
  USER(1 << 6),
  CONFIG(1 << 7),
  DTMF(1 << 8),
  REPORTING(1 << 9),
  CDR(1 << 10),
  DIALPLAN(1 << 11),
  ORIGINATE(1 << 12),
  AGI(1 << 13),
  HOOKRESPONSE(1 << 14),
  CC(1 << 15),
  AOC(1 << 16),
  TEST(1 << 17),
  SECURITY(1 << 18),
  MESSAGE(1 << 19);

  /** Every class, as {@code ast_true("on")} gives it. */
  public static final int ALL;

  /** What {@code strings_to_mask} returns for an empty string: "no change" / "invalid". */
  public static final int INVALID = -1;

  /** Bounds the privilege-string cache; events use a handful of distinct strings. */
  private static final int MAX_CACHED_PRIVILEGES = 256;

  private static final Map<String, Integer> PRIVILEGES = new ConcurrentHashMap<>();

  static {
    int all = 0;
    for (EventClass c : values()) {
      all |= c.bit;
    }
    ALL = all;
  }

  private final int bit;

  EventClass(int bit) {
    this.bit = bit;
  }

  public int bit() {
    return bit;
  }

  /** The label Asterisk prints, e.g. {@code call}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The {@code Privilege:} value of an event of this class, e.g. {@code call,all}. */
  public String privilege() {
    return label() + ",all";
  }

  /**
   * {@code strings_to_mask}: all digits is a number, {@code ast_false} words are 0, {@code
   * ast_true} words are every class, anything else is a comma list of class names (unknown names
   * count for nothing), and an empty string is {@link #INVALID}.
   */
  public static int stringsToMask(String text) {
    if (text == null || text.isEmpty()) {
      return INVALID;
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException tooLong) {
        return INVALID;
      }
    }
    String word = text.trim().toLowerCase(Locale.ROOT);
    if (isFalse(word)) {
      return 0;
    }
    if (isTrue(word)) {
      return ALL;
    }
    return classesIn(text);
  }

  /** The mask of a {@code Privilege:} value such as {@code agent,all}; {@code all} adds nothing. */
  public static int ofPrivilege(String privilege) {
    if (privilege == null) {
      return 0;
    }
    Integer cached = PRIVILEGES.get(privilege);
    if (cached != null) {
      return cached;
    }
    int mask = classesIn(privilege);
    if (PRIVILEGES.size() < MAX_CACHED_PRIVILEGES) {
      PRIVILEGES.put(privilege, mask);
    }
    return mask;
  }

  /** Whether an event of {@code category} reaches a session whose mask is {@code mask}. */
  public static boolean delivers(int mask, int category) {
    return (mask & category) == category;
  }

  private static int classesIn(String list) {
    int mask = 0;
    for (String part : list.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      for (EventClass c : values()) {
        if (c.label().equals(name)) {
          mask |= c.bit;
        }
      }
    }
    return mask;
  }

  /** {@code ast_true}. */
  public static boolean isTrue(String word) {
    return AstWords.isTrue(word);
  }

  /** {@code ast_false}. */
  public static boolean isFalse(String word) {
    return AstWords.isFalse(word);
  }
}
