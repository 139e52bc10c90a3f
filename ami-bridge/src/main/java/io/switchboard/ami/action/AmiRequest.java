package io.switchboard.ami.action;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed, checked access to one JSON action request: every getter names the field and what is wrong
 * with it in a {@code BAD_REQUEST} error. Text may not hold CR or LF, which would end the AMI
 * header (reference/ami-protocol.md 1.2). Not thread-safe; one per request.
 */
final class AmiRequest {

  /** Channel variable names, optionally a dialplan function such as {@code CDR(userfield)}. */
  private static final Pattern VARIABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,79}(\\([A-Za-z0-9_.:-]{0,80}\\))?");

  /** Asterisk takes at most 128 headers per action; leave room for the action's own. */
  static final int MAX_VARIABLES = 100;

  private final String address;
  private final JsonObject body;

  AmiRequest(String address, JsonObject body) {
    this.address = address;
    this.body = body;
  }

  static SwitchboardException invalid(String problem) {
    return new SwitchboardException(ErrorCode.BAD_REQUEST, problem);
  }

  String address() {
    return address;
  }

  /** A text field that must be present and not blank. */
  String text(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw invalid(address + ": field '" + field + "' is required");
    }
    return value;
  }

  /** A text field, or null when absent; numbers are taken as their decimal text. */
  String optionalText(String field) {
    String value = optionalTextOrEmpty(field);
    if (value != null && value.isBlank()) {
      throw invalid(address + ": field '" + field + "' must not be blank");
    }
    return value;
  }

  /** A text field that may be empty (a variable's new value), or null when absent. */
  String optionalTextOrEmpty(String field) {
    Object raw = body.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String) && !(raw instanceof Number)) {
      throw invalid(address + ": field '" + field + "' must be text");
    }
    String value = raw instanceof Number number ? String.valueOf(number) : (String) raw;
    return checkLine(field, value);
  }

  /** A whole number from {@code min} to {@code max}, or null when absent. */
  Integer optionalInt(String field, int min, int max) {
    Object raw = body.getValue(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof Number number
        && number.doubleValue() == Math.rint(number.doubleValue())
        && number.longValue() >= min
        && number.longValue() <= max) {
      return number.intValue();
    }
    throw invalid(
        address + ": field '" + field + "' must be a whole number from " + min + " to " + max);
  }

  /** A boolean that must be present. */
  boolean bool(String field) {
    Object raw = body.getValue(field);
    if (raw instanceof Boolean flag) {
      return flag;
    }
    throw invalid(address + ": field '" + field + "' is required and must be true or false");
  }

  /** A boolean, or null when absent. */
  Boolean optionalBool(String field) {
    return body.getValue(field) == null ? null : bool(field);
  }

  /** A text field that must be one of {@code choices}. */
  String choice(String field, String fallback, String... choices) {
    String value = optionalText(field);
    if (value == null) {
      if (fallback != null) {
        return fallback;
      }
      throw invalid(address + ": field '" + field + "' is required");
    }
    for (String choice : choices) {
      if (choice.equals(value)) {
        return value;
      }
    }
    throw invalid(address + ": field '" + field + "' must be one of " + String.join(", ", choices));
  }

  /**
   * Channel variables for {@code Variable: name=value} headers, in request order. Asterisk splits a
   * {@code Variable} value at commas and strips quotes and backslashes ({@code
   * man_do_variable_value} in {@code main/manager.c}), so values holding them are refused rather
   * than silently cut.
   */
  Map<String, String> variables(String field) {
    Object raw = body.getValue(field);
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof JsonObject object)) {
      throw invalid(address + ": field '" + field + "' must be an object of name to text");
    }
    if (object.size() > MAX_VARIABLES) {
      throw invalid(address + ": at most " + MAX_VARIABLES + " variables are allowed");
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object) {
      String name = entry.getKey();
      if (!VARIABLE_NAME.matcher(name).matches()) {
        throw invalid(address + ": variable name '" + printable(name) + "' is not allowed");
      }
      Object value = entry.getValue();
      if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
        throw invalid(address + ": variable " + name + " must be text, a number or a boolean");
      }
      String text = checkLine(field + "." + name, String.valueOf(value));
      if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\\') >= 0) {
        throw invalid(
            address
                + ": variable "
                + name
                + " may not contain a comma, a double quote or a backslash (Asterisk splits"
                + " Variable values at commas and strips quotes)");
      }
      variables.put(name, text);
    }
    return variables;
  }

  private String checkLine(String field, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw invalid(
          address + ": field '" + field + "' contains a line break, which AMI cannot carry");
    }
    return value;
  }

  private static String printable(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
