package io.switchboard.core.config;

import java.util.regex.Pattern;

/** Hides the password part of URLs ({@code scheme://user:secret@host}) before they are printed. */
public final class SecretRedaction {

  private static final Pattern USER_INFO_SECRET = Pattern.compile("(://[^:/@,\\s]*:)[^/,\\s]*@");
  private static final Pattern QUERY_SECRET =
      Pattern.compile("((?:password|secret)=)[^&,\\s]*", Pattern.CASE_INSENSITIVE);

  private SecretRedaction() {}

  /** The text with every URL password replaced by {@code ***}. */
  public static String redact(String text) {
    String hidden = USER_INFO_SECRET.matcher(text).replaceAll("$1***@");
    return QUERY_SECRET.matcher(hidden).replaceAll("$1***");
  }
}
