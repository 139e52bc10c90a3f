package io.switchboard.agentws.call;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.phone.PhoneNormalizer;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * Reads the {@code data} of a {@code call.*} command into a {@link CallCommand}, refusing bad input
 * with a {@code BAD_REQUEST} that names the command and the field. Immutable and thread-safe.
 */
public final class CallCommandParser {

  /** Longest Linkedid, as {@code call_logs.linked_id} holds it. */
  public static final int MAX_LINKED_ID_LENGTH = 64;

  /** Longest server id, as {@code call_logs.server_id} holds it. */
  public static final int MAX_SERVER_ID_LENGTH = 32;

  /** Longest wrap-up note, as {@code call_dispositions.note} holds it. */
  public static final int MAX_NOTE_LENGTH = 2000;

  /** A queue name that is also usable as a dialplan extension. */
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.-]{1,80}");

  /** The form of {@code disposition_codes.code}. */
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /**
   * Linkedids and server ids as Asterisk and the settings make them (no line breaks, no spaces).
   */
  private static final Pattern CALL_ID = Pattern.compile("[\\x21-\\x7e]+");

  private final PhoneNormalizer numbers;

  public CallCommandParser(PhoneNormalizer numbers) {
    this.numbers = numbers;
  }

  /** The command of {@code type} with {@code data}. */
  public CallCommand parse(String type, JsonObject data) {
    Fields fields = new Fields(type, data);
    return switch (type) {
      case CallMessages.DIAL ->
          new CallCommand.Dial(fields.number("number"), fields.optionalId("customerId"));
      case CallMessages.HANGUP -> new CallCommand.Hangup();
      case CallMessages.TRANSFER -> transfer(fields);
      case CallMessages.RECORDING ->
          new CallCommand.Recording(fields.choice("action", "pause", "resume").equals("pause"));
      case CallMessages.WRAPUP -> wrapUp(fields);
      default ->
          throw new SwitchboardException(
              ErrorCode.BAD_REQUEST,
              "unknown call command '"
                  + type
                  + "'; known: call.dial, call.hangup, call.transfer, call.recording, call.wrapup");
    };
  }

  private CallCommand transfer(Fields fields) {
    boolean attended = fields.choice("mode", "blind", "attended").equals("attended");
    Fields to = fields.object("to");
    TransferTarget.Kind kind =
        switch (to.choice("kind", "agent", "queue", "number")) {
          case "agent" -> TransferTarget.Kind.AGENT;
          case "queue" -> TransferTarget.Kind.QUEUE;
          default -> TransferTarget.Kind.NUMBER;
        };
    String value =
        switch (kind) {
          case AGENT -> String.valueOf(to.id("value"));
          case QUEUE -> to.matching("value", QUEUE, "a queue name (letters, digits, _ . -)");
          case NUMBER -> to.number("value");
        };
    return new CallCommand.Transfer(attended, new TransferTarget(kind, value));
  }

  private static CallCommand wrapUp(Fields fields) {
    String linkedId = fields.text("linkedId", MAX_LINKED_ID_LENGTH);
    if (!CALL_ID.matcher(linkedId).matches()) {
      throw fields.invalid("linkedId", "is not a Linkedid");
    }
    String serverId = fields.optionalText("serverId", MAX_SERVER_ID_LENGTH);
    if (serverId != null && !CALL_ID.matcher(serverId).matches()) {
      throw fields.invalid("serverId", "is not a server id");
    }
    String code = fields.matching("code", CODE, "a disposition code such as sale");
    String note = fields.optionalText("note", MAX_NOTE_LENGTH);
    return new CallCommand.WrapUp(
        linkedId, serverId, code, note == null ? "" : note, fields.optionalId("customerId"));
  }

  /** Typed reading of one object of a command, naming fields by their path. */
  private final class Fields {
    private final String type;
    private final String prefix;
    private final JsonObject data;

    Fields(String type, JsonObject data) {
      this(type, "", data == null ? new JsonObject() : data);
    }

    private Fields(String type, String prefix, JsonObject data) {
      this.type = type;
      this.prefix = prefix;
      this.data = data;
    }

    SwitchboardException invalid(String field, String problem) {
      return new SwitchboardException(
          ErrorCode.BAD_REQUEST, type + ": '" + prefix + field + "' " + problem);
    }

    String optionalText(String field, int maxLength) {
      Object value = data.getValue(field);
      if (value == null) {
        return null;
      }
      if (!(value instanceof String text)) {
        throw invalid(field, "must be a string");
      }
      if (text.length() > maxLength) {
        throw invalid(field, "is longer than " + maxLength + " characters");
      }
      return text;
    }

    String text(String field, int maxLength) {
      String text = optionalText(field, maxLength);
      if (text == null || text.isBlank()) {
        throw invalid(field, "is required");
      }
      return text;
    }

    String matching(String field, Pattern pattern, String what) {
      String text = text(field, 200);
      if (!pattern.matcher(text).matches()) {
        throw invalid(field, "\"" + text + "\" is not " + what);
      }
      return text;
    }

    String choice(String field, String... choices) {
      String text = text(field, 40);
      for (String choice : choices) {
        if (choice.equals(text)) {
          return text;
        }
      }
      throw invalid(
          field, "must be one of " + String.join(", ", choices) + ", got \"" + text + "\"");
    }

    String number(String field) {
      String text = text(field, PhoneNormalizer.MAX_INPUT_LENGTH);
      PhoneNormalizer.Result number = numbers.normalize(text);
      return number.e164().orElseThrow(() -> invalid(field, number.problem()));
    }

    Long optionalId(String field) {
      Object value = data.getValue(field);
      if (value == null) {
        return null;
      }
      return id(field);
    }

    long id(String field) {
      Object value = data.getValue(field);
      long id;
      if (value instanceof Integer || value instanceof Long) {
        id = ((Number) value).longValue();
      } else if (value instanceof String text && text.matches("[0-9]{1,18}")) {
        id = Long.parseLong(text);
      } else {
        throw invalid(field, value == null ? "is required" : "must be an id (a whole number)");
      }
      if (id <= 0) {
        throw invalid(field, "must be a positive id");
      }
      return id;
    }

    Fields object(String field) {
      Object value = data.getValue(field);
      if (!(value instanceof JsonObject object)) {
        throw invalid(field, value == null ? "is required" : "must be an object");
      }
      return new Fields(type, prefix + field + ".", object);
    }
  }
}
