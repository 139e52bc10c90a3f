package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parsed headers of {@code Action: Originate} ({@code action_originate}, {@code
 * main/manager.c}): dial string, dialplan target or application, timeout, caller id split by {@code
 * ast_callerid_parse}, {@code Variable} headers split on commas, assigned ids.
 */
record OriginateRequest(
    String actionId,
    String channel,
    String context,
    String exten,
    int priority,
    String application,
    String data,
    int timeoutMillis,
    String cidNum,
    String cidName,
    List<Map.Entry<String, String>> variables,
    String channelId,
    String otherChannelId,
    boolean async) {

  boolean isApplication() {
    return !application.isEmpty();
  }

  /** {@code ast_callerid_parse}: {@code "Name" <num>}, a bare number, or a bare name. */
  static String[] parseCallerId(String text) {
    String t = text.trim();
    int lt = t.indexOf('<');
    int gt = t.indexOf('>', lt + 1);
    if (lt >= 0 && gt > lt) {
      String name = t.substring(0, lt).trim().replace("\"", "");
      return new String[] {shrink(t.substring(lt + 1, gt)), name};
    }
    if (!t.isEmpty() && t.chars().allMatch(c -> "0123456789+*#-() .".indexOf(c) >= 0)) {
      return new String[] {shrink(t), ""};
    }
    return new String[] {"", t.replace("\"", "")};
  }

  /** {@code ast_shrink_phone_number}: drops separators. */
  private static String shrink(String number) {
    return number.replaceAll("[\\-() .]", "");
  }

  /** {@code astman_get_variables}: every {@code Variable} header, each split on commas. */
  static List<Map.Entry<String, String>> variables(AmiMessage action) {
    List<Map.Entry<String, String>> vars = new ArrayList<>();
    for (String header : action.getAll("Variable")) {
      for (String part : header.split(",")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          vars.add(Map.entry(part.substring(0, eq), part.substring(eq + 1)));
        }
      }
    }
    return vars;
  }
}
