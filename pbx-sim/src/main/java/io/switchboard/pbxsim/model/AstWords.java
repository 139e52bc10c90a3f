package io.switchboard.pbxsim.model;

import java.util.Locale;

/**
 * {@code ast_true} / {@code ast_false} ({@code main/utils.c}): the words Asterisk reads as
 * booleans.
 */
public final class AstWords {

  private AstWords() {}

  public static boolean isTrue(String word) {
    String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
    return w.equals("yes")
        || w.equals("true")
        || w.equals("y")
        || w.equals("t")
        || w.equals("1")
        || w.equals("on");
  }

  public static boolean isFalse(String word) {
    String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
    return w.equals("no")
        || w.equals("false")
        || w.equals("n")
        || w.equals("f")
        || w.equals("0")
        || w.equals("off");
  }
}
