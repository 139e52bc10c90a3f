package io.switchboard.ami.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns an AMI byte stream into messages, with no I/O of its own: feed it whatever the socket
 * delivered, split anywhere, and it calls the listener for each banner and complete message.
 *
 * <p>What it accepts follows reference/ami-protocol.md 1.2: {@code Key: value} lines, keys without
 * case, repeated keys kept, an empty line ending a message, and the legacy {@code Response:
 * Follows} reply whose raw output runs to {@code --END COMMAND--}. The client side is strict: every
 * line from Asterisk ends in CRLF, and the stream opens with the banner. The server side (the PBX
 * simulator reading actions) accepts a bare LF as Asterisk's {@code get_input} does.
 *
 * <p>Anything else (a bare LF from Asterisk, a header without a colon, a line or a message over its
 * {@link AmiCodecLimits}) throws {@link AmiProtocolException}; the decoder then refuses further
 * input and the connection must be closed. Not thread-safe: one decoder per connection, fed from
 * that connection's context.
 */
public final class AmiFrameDecoder {

  private static final String BANNER_PREFIX = "Asterisk Call Manager/";
  private static final String END_COMMAND = "--END COMMAND--";

  private enum State {
    BANNER,
    HEADERS,
    OUTPUT,
    FAILED
  }

  private final AmiFrameListener listener;
  private final AmiCodecLimits limits;
  private final boolean strictCrlf;
  private final AsciiKeyCache keyCache = new AsciiKeyCache();

  private final String[] keys;
  private final String[] values;
  private int fieldCount;
  private boolean follows;
  private final StringBuilder output = new StringBuilder();

  private byte[] partial = new byte[256];
  private int partialLength;
  private State state;

  private AmiFrameDecoder(
      AmiFrameListener listener, AmiCodecLimits limits, boolean strictCrlf, boolean banner) {
    this.listener = listener;
    this.limits = limits;
    this.strictCrlf = strictCrlf;
    this.keys = new String[limits.maxFields()];
    this.values = new String[limits.maxFields()];
    this.state = banner ? State.BANNER : State.HEADERS;
  }

  /** Decodes what an Asterisk server sends: the banner first, then CRLF-framed messages. */
  public static AmiFrameDecoder forClient(AmiFrameListener listener, AmiCodecLimits limits) {
    return new AmiFrameDecoder(listener, limits, true, true);
  }

  /** Decodes what a client sends to a manager: no banner, CRLF or bare LF line ends. */
  public static AmiFrameDecoder forServer(AmiFrameListener listener, AmiCodecLimits limits) {
    return new AmiFrameDecoder(listener, limits, false, false);
  }

  /** Decodes a whole byte array. */
  public void feed(byte[] bytes) {
    feed(bytes, 0, bytes.length);
  }

  /**
   * Decodes {@code length} bytes from {@code offset}, calling the listener for everything that
   * completes.
   *
   * @throws AmiProtocolException on the first framing error; the decoder stays failed afterwards
   */
  public void feed(byte[] bytes, int offset, int length) {
    if (state == State.FAILED) {
      throw new AmiProtocolException("AMI stream already failed; the connection must be closed");
    }
    try {
      scan(bytes, offset, offset + length);
    } catch (AmiProtocolException e) {
      state = State.FAILED;
      throw e;
    }
  }

  /** Whether bytes of an unfinished line or message are waiting for more input. */
  public boolean hasPendingInput() {
    return partialLength > 0 || fieldCount > 0 || state == State.OUTPUT;
  }

  private void scan(byte[] bytes, int from, int end) {
    int lineStart = from;
    for (int i = from; i < end; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      if (partialLength == 0) {
        line(bytes, lineStart, i);
      } else {
        appendPartial(bytes, lineStart, i);
        line(partial, 0, partialLength);
        partialLength = 0;
      }
      lineStart = i + 1;
    }
    if (lineStart < end) {
      appendPartial(bytes, lineStart, end);
    }
  }

  private void appendPartial(byte[] bytes, int from, int to) {
    int needed = partialLength + (to - from);
    if (needed > limits.maxLineBytes() + 1) {
      throw lineTooLong();
    }
    if (needed > partial.length) {
      partial = Arrays.copyOf(partial, Math.min(limits.maxLineBytes() + 1, needed * 2));
    }
    System.arraycopy(bytes, from, partial, partialLength, to - from);
    partialLength = needed;
  }

  /** One line, {@code to} at its LF. */
  private void line(byte[] bytes, int from, int to) {
    int contentEnd = to;
    if (contentEnd > from && bytes[contentEnd - 1] == '\r') {
      contentEnd--;
    } else if (strictCrlf) {
      throw new AmiProtocolException(
          "AMI line ends with a bare LF instead of CRLF: '" + preview(bytes, from, to) + "'");
    }
    if (contentEnd - from > limits.maxLineBytes()) {
      throw lineTooLong();
    }
    switch (state) {
      case BANNER -> banner(bytes, from, contentEnd);
      case HEADERS -> header(bytes, from, contentEnd);
      case OUTPUT -> outputLine(bytes, from, contentEnd);
      default -> throw new IllegalStateException("line in state " + state);
    }
  }

  private void banner(byte[] bytes, int from, int to) {
    String banner = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    if (!banner.startsWith(BANNER_PREFIX)) {
      throw new AmiProtocolException(
          "expected the AMI banner '" + BANNER_PREFIX + "<version>', got '" + banner + "'");
    }
    state = State.HEADERS;
    listener.onBanner(banner);
  }

  private void header(byte[] bytes, int from, int to) {
    if (from == to) {
      if (fieldCount > 0) {
        emit(follows ? "" : null);
      }
      return;
    }
    if (follows && !isFollowsHeader(bytes, from, to)) {
      state = State.OUTPUT;
      outputLine(bytes, from, to);
      return;
    }
    int colon = indexOf(bytes, from, to, (byte) ':');
    if (colon <= from) {
      throw new AmiProtocolException(
          "AMI header line has no 'Key:' part: '" + preview(bytes, from, to) + "'");
    }
    if (fieldCount == keys.length) {
      throw new AmiProtocolException("AMI message has more than " + keys.length + " headers");
    }
    int valueStart = colon + 1;
    if (valueStart < to && bytes[valueStart] == ' ') {
      valueStart++;
    }
    String key = keyCache.key(bytes, from, colon);
    String value = new String(bytes, valueStart, to - valueStart, StandardCharsets.UTF_8);
    keys[fieldCount] = key;
    values[fieldCount] = value;
    fieldCount++;
    if (fieldCount == 1 && key.equalsIgnoreCase("Response") && value.equalsIgnoreCase("Follows")) {
      follows = true;
    }
  }

  /** In a legacy Follows reply only these headers precede the raw output (Asterisk 13). */
  private static boolean isFollowsHeader(byte[] bytes, int from, int to) {
    return startsWithIgnoreCase(bytes, from, to, "Privilege:")
        || startsWithIgnoreCase(bytes, from, to, "ActionID:");
  }

  private void outputLine(byte[] bytes, int from, int to) {
    String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    boolean last = text.endsWith(END_COMMAND);
    if (last) {
      text = text.substring(0, text.length() - END_COMMAND.length());
    }
    if (output.length() + text.length() + 1 > limits.maxOutputBytes()) {
      throw new AmiProtocolException(
          "AMI command output longer than " + limits.maxOutputBytes() + " bytes");
    }
    output.append(text);
    if (!last) {
      output.append('\n');
      return;
    }
    emit(output.toString());
  }

  private void emit(String commandOutput) {
    AmiMessage message = AmiMessage.decoded(keys, values, fieldCount, commandOutput);
    Arrays.fill(keys, 0, fieldCount, null);
    Arrays.fill(values, 0, fieldCount, null);
    fieldCount = 0;
    follows = false;
    output.setLength(0);
    state = State.HEADERS;
    listener.onMessage(message);
  }

  private AmiProtocolException lineTooLong() {
    return new AmiProtocolException("AMI line longer than " + limits.maxLineBytes() + " bytes");
  }

  private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWithIgnoreCase(byte[] bytes, int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase((char) bytes[from + i])
          != Character.toLowerCase(prefix.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String preview(byte[] bytes, int from, int to) {
    int end = Math.min(to, from + 80);
    return new String(bytes, from, end - from, StandardCharsets.UTF_8)
        .replace("\r", "\\r")
        .replace("\n", "\\n");
  }
}
