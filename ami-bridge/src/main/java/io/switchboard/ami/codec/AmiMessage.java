package io.switchboard.ami.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One AMI message: its headers in wire order, repeated keys kept ({@code Variable}, {@code
 * ChanVariable}, {@code Output}), keys compared without case as Asterisk does (reference 1.2). A
 * legacy {@code Response: Follows} reply also carries its raw command output. Immutable and safe to
 * share between threads.
 */
public final class AmiMessage {

  private final AmiMessageKind kind;
  private final String name;
  private final String[] keys;
  private final String[] values;
  private final String output;

  private AmiMessage(
      AmiMessageKind kind, String name, String[] keys, String[] values, String output) {
    this.kind = kind;
    this.name = name;
    this.keys = keys;
    this.values = values;
    this.output = output;
  }

  /**
   * A message from headers as they came off the wire.
   *
   * @param fromClient whether a client sent it: then {@code Action} decides first, as in Asterisk's
   *     {@code process_message}, because some actions ({@code QueueLog}, {@code UserEvent}) carry
   *     an {@code Event} parameter
   * @throws AmiProtocolException when no header says whether it is an event, response or action
   */
  static AmiMessage decoded(
      String[] keys, String[] values, int count, String output, boolean fromClient) {
    String[] k = Arrays.copyOf(keys, count);
    String[] v = Arrays.copyOf(values, count);
    if (fromClient) {
      String action = first(k, v, "Action");
      if (action != null) {
        return new AmiMessage(AmiMessageKind.ACTION, action, k, v, output);
      }
    }
    String event = first(k, v, "Event");
    if (event != null) {
      return new AmiMessage(AmiMessageKind.EVENT, event, k, v, output);
    }
    String response = first(k, v, "Response");
    if (response != null) {
      return new AmiMessage(AmiMessageKind.RESPONSE, response, k, v, output);
    }
    String action = first(k, v, "Action");
    if (action != null) {
      return new AmiMessage(AmiMessageKind.ACTION, action, k, v, output);
    }
    throw new AmiProtocolException(
        "AMI message has no Event, Response or Action header; it starts with '" + k[0] + "'");
  }

  /** A new action to send, e.g. {@code AmiMessage.action("Originate").with("Channel", ...)}. */
  public static Builder action(String name) {
    return new Builder(AmiMessageKind.ACTION, "Action", name);
  }

  /** A new event, as the PBX simulator sends them. */
  public static Builder event(String name) {
    return new Builder(AmiMessageKind.EVENT, "Event", name);
  }

  /** A new response ({@code Success}, {@code Error}, {@code Goodbye}, {@code Follows}). */
  public static Builder response(String value) {
    return new Builder(AmiMessageKind.RESPONSE, "Response", value);
  }

  public AmiMessageKind kind() {
    return kind;
  }

  /** The event name, the response value or the action name. */
  public String name() {
    return name;
  }

  public boolean isEvent(String eventName) {
    return kind == AmiMessageKind.EVENT && name.equalsIgnoreCase(eventName);
  }

  /** The first value of a header, key compared without case, or null when absent. */
  public String get(String key) {
    return first(keys, values, key);
  }

  /** The first value of a header, or {@code fallback} when absent. */
  public String get(String key, String fallback) {
    String value = first(keys, values, key);
    return value == null ? fallback : value;
  }

  /** Every value of a repeated header, in wire order. */
  public List<String> getAll(String key) {
    List<String> all = new ArrayList<>(2);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equalsIgnoreCase(key)) {
        all.add(values[i]);
      }
    }
    return all;
  }

  public String actionId() {
    return get("ActionID");
  }

  /** The raw text of a legacy {@code Response: Follows} reply, or null. */
  public String output() {
    return output;
  }

  public int size() {
    return keys.length;
  }

  public String keyAt(int index) {
    return keys[index];
  }

  public String valueAt(int index) {
    return values[index];
  }

  /** The headers in wire order, as key/value entries. */
  public List<Map.Entry<String, String>> fields() {
    List<Map.Entry<String, String>> fields = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) {
      fields.add(Map.entry(keys[i], values[i]));
    }
    return fields;
  }

  /** A copy with one more header at the end; a null value is sent empty, as the builder does. */
  public AmiMessage with(String key, String value) {
    String[] k = Arrays.copyOf(keys, keys.length + 1);
    String[] v = Arrays.copyOf(values, values.length + 1);
    k[keys.length] = Objects.requireNonNull(key, "AMI header key");
    v[values.length] = value == null ? "" : value;
    return new AmiMessage(kind, name, k, v, output);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(kind.name()).append('{');
    for (int i = 0; i < keys.length; i++) {
      text.append(i == 0 ? "" : ", ").append(keys[i]).append(": ").append(values[i]);
    }
    return text.append('}').toString();
  }

  private static String first(String[] keys, String[] values, String key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equalsIgnoreCase(key)) {
        return values[i];
      }
    }
    return null;
  }

  /** Builds a message header by header, in the order they go on the wire. */
  public static final class Builder {
    private final AmiMessageKind kind;
    private final String name;
    private final List<String> keys = new ArrayList<>(16);
    private final List<String> values = new ArrayList<>(16);
    private String output;

    private Builder(AmiMessageKind kind, String firstKey, String name) {
      this.kind = kind;
      this.name = name;
      with(firstKey, name);
    }

    /** Adds a header; a repeated key adds another line, as {@code Variable} needs. */
    public Builder with(String key, String value) {
      keys.add(key);
      values.add(value == null ? "" : value);
      return this;
    }

    /** Adds a header only when the value is not null. */
    public Builder withOptional(String key, String value) {
      return value == null ? this : with(key, value);
    }

    /** Raw command output for a legacy {@code Response: Follows}. */
    public Builder output(String text) {
      this.output = text;
      return this;
    }

    public AmiMessage build() {
      return new AmiMessage(
          kind, name, keys.toArray(new String[0]), values.toArray(new String[0]), output);
    }
  }
}
