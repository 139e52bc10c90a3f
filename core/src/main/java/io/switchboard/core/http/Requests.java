package io.switchboard.core.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;

/**
 * Reads the parts of a request every REST route needs: a JSON object body (400 when it is missing
 * or malformed) and numeric path ids (400 naming the parameter). Errors are thrown as {@link
 * SwitchboardException}s for the node's failure handler. Stateless.
 */
public final class Requests {

  /** Echoed input is cut to this many characters in error messages. */
  public static final int MAX_ECHO_LENGTH = 40;

  /** A parser's message is cut to this many characters. */
  private static final int MAX_PARSER_MESSAGE_LENGTH = 200;

  private Requests() {}

  /** The body as a JSON object; a missing body is a 400. */
  public static JsonObject body(RoutingContext context) {
    return body(context, false);
  }

  /** The body as a JSON object; {@code {}} when there is no body and {@code optional}. */
  public static JsonObject body(RoutingContext context, boolean optional) {
    Buffer buffer = context.body() == null ? null : context.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      if (optional) {
        return new JsonObject();
      }
      throw new SwitchboardException(ErrorCode.BAD_REQUEST, "a JSON object body is required");
    }
    Object parsed;
    try {
      parsed = buffer.toJsonValue();
    } catch (DecodeException malformed) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST, "the body is not valid JSON: " + firstLine(malformed));
    }
    if (parsed instanceof JsonObject object) {
      return object;
    }
    throw new SwitchboardException(
        ErrorCode.BAD_REQUEST,
        "the body must be a JSON object, not "
            + (parsed instanceof JsonArray ? "an array" : "a " + kind(parsed)));
  }

  /** A path parameter that must be a positive whole number. */
  public static long id(RoutingContext context, String name) {
    String text = context.pathParam(name);
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new SwitchboardException(
        ErrorCode.BAD_REQUEST,
        "path parameter " + name + " must be a positive whole number",
        List.of(
            new FieldError(
                name, "must be a positive whole number, not \"" + shorten(text) + "\"")));
  }

  /**
   * The bytes of a CSV body (empty when there is none); a content type other than {@code text/csv},
   * {@code application/csv} or {@code text/plain} is a 415 asking for the {@code what} as CSV.
   */
  public static byte[] csvBytes(RoutingContext context, String what) {
    String type =
        String.valueOf(context.request().getHeader("content-type")).toLowerCase(Locale.ROOT);
    if (!type.startsWith("text/csv")
        && !type.startsWith("application/csv")
        && !type.startsWith("text/plain")) {
      throw new SwitchboardException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "send the " + what + " as text/csv (got " + shorten(type) + ")");
    }
    return context.body() == null || context.body().buffer() == null
        ? new byte[0]
        : context.body().buffer().getBytes();
  }

  /**
   * The charset of a text body: the {@code charset} query parameter, else the content type's {@code
   * charset=}, else null (the caller detects it). An unknown name is recorded as a problem of
   * {@code params}.
   */
  public static Charset charset(RoutingContext context, QueryParams params) {
    String name = params.text("charset");
    if (name == null) {
      String type = context.request().getHeader("content-type");
      int at = type == null ? -1 : type.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (at >= 0) {
        name = type.substring(at + "charset=".length()).replace("\"", "").strip();
      }
    }
    if (name == null || name.isEmpty()) {
      return null;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      params.fail("charset", "\"" + shorten(name) + "\" is not a charset this server knows");
      return null;
    }
  }

  /** {@code text} cut to {@link #MAX_ECHO_LENGTH} characters for an error message; null is "". */
  public static String shorten(String text) {
    return text == null
        ? ""
        : text.length() > MAX_ECHO_LENGTH ? text.substring(0, MAX_ECHO_LENGTH) + "..." : text;
  }

  private static String kind(Object value) {
    return value == null
        ? "null"
        : value instanceof String
            ? "string"
            : value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String firstLine(DecodeException malformed) {
    String message = String.valueOf(malformed.getMessage());
    int end = message.indexOf('\n');
    message = end < 0 ? message : message.substring(0, end);
    return message.length() > MAX_PARSER_MESSAGE_LENGTH
        ? message.substring(0, MAX_PARSER_MESSAGE_LENGTH)
        : message;
  }
}
