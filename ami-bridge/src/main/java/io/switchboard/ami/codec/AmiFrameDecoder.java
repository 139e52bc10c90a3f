package io.switchboard.ami.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns an AMI byte stream into messages, with no I/O of its own: feed it whatever the socket
 * delivered, split anywhere, and it calls the listener for each banner and complete message.
 *
 * <p>What it accepts follows reference/ami-protocol.md 1.2: {@code Key: value} lines, keys without
 * case, repeated keys kept, an empty line ending a message, and the legacy {@code Response:
 * Follows} reply whose raw output runs to {@code --END COMMAND--}. The client side is strict: the
 * stream opens with the banner and every line from Asterisk ends in CRLF, except the raw CLI text
 * of a Follows reply, which Asterisk passes on with the CLI's bare LF line ends. The server side
 * (the PBX simulator reading actions) accepts a bare LF as Asterisk's {@code get_input} does.
 *
 * <p>Anything else (a bare LF from Asterisk outside command output, a header without a colon, a
 * line or a message over its {@link AmiCodecLimits}) throws {@link AmiProtocolException}; the
 * decoder then refuses further input and the connection must be closed. So does an exception thrown
 * by the listener, which propagates to the caller of {@code feed}. Not thread-safe: one decoder per
 * connection, fed from that connection's context.
 */
public final class AmiFrameDecoder {

  private static final String BANNER_PREFIX = "Asterisk Call Manager/";
  private static final String END_COMMAND = "--END COMMAND--";
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long EIGHT_LFS = 0x0A0A0A0A0A0A0A0AL;
  private static final long EIGHT_ONES = 0x0101010101010101L;
  private static final long EIGHT_HIGH_BITS = 0x8080808080808080L;

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
  private int outputBytes;

  private byte[] partial = new byte[256];
  private int partialLength;
  private State state;
  private boolean feeding;

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
   * @throws IllegalStateException when called from inside its own listener
   */
  public void feed(byte[] bytes, int offset, int length) {
    if (state == State.FAILED) {
      throw new AmiProtocolException("AMI stream already failed; the connection must be closed");
    }
    if (feeding) {
      // The outer call still holds a half-read chunk; decoding more now would reorder the stream.
      throw new IllegalStateException("AmiFrameDecoder.feed called from inside its own listener");
    }
    feeding = true;
    try {
      scan(bytes, offset, offset + length);
    } catch (RuntimeException e) {
      // A framing error, or a listener that threw: either way the rest of this chunk was not
      // decoded, so continuing would silently lose messages.
      state = State.FAILED;
      throw e;
    } finally {
      feeding = false;
    }
  }

  /** Whether bytes of an unfinished line or message are waiting for more input. */
  public boolean hasPendingInput() {
    return partialLength > 0 || fieldCount > 0 || state == State.OUTPUT;
  }

  /**
   * How many bytes the buffer for an unfinished line holds now; it never exceeds the line limit.
   */
  int lineBufferCapacity() {
    return partial.length;
  }

  private void scan(byte[] bytes, int from, int end) {
    int lineStart = from;
    int lf;
    while ((lf = indexOfLf(bytes, lineStart, end)) >= 0) {
      if (partialLength == 0) {
        line(bytes, lineStart, lf);
      } else {
        appendPartial(bytes, lineStart, lf);
        line(partial, 0, partialLength);
        partialLength = 0;
      }
      lineStart = lf + 1;
    }
    if (lineStart < end) {
      appendPartial(bytes, lineStart, end);
    }
  }

  /**
   * The first LF in {@code bytes[from, to)}, or -1. Looks at eight bytes at a time (the zero-byte
   * test of "Bit Twiddling Hacks" on the bytes XOR LF): finding line ends is most of the work.
   */
  static int indexOfLf(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ EIGHT_LFS;
      long zeroBytes = (word - EIGHT_ONES) & ~word & EIGHT_HIGH_BITS;
      if (zeroBytes != 0) {
        // Little-endian: the lowest flagged byte is the first LF (flags above it may be false).
        return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
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
    boolean crlf = to > from && bytes[to - 1] == '\r';
    int contentEnd = crlf ? to - 1 : to;
    if (contentEnd - from > limits.maxLineBytes()) {
      throw lineTooLong();
    }
    // Where a line end is acceptable: always CRLF; a bare LF only from a client (get_input).
    boolean properEnd = crlf || !strictCrlf;
    switch (state) {
      case BANNER -> {
        requireProperEnd(properEnd, bytes, from, to);
        banner(bytes, from, contentEnd);
      }
      case HEADERS -> header(bytes, from, contentEnd, properEnd, to);
      case OUTPUT -> outputLine(bytes, from, contentEnd);
      default -> throw new IllegalStateException("line in state " + state);
    }
  }

  private void requireProperEnd(boolean properEnd, byte[] bytes, int from, int to) {
    if (!properEnd) {
      throw new AmiProtocolException(
          "AMI line ends with a bare LF instead of CRLF: '" + preview(bytes, from, to) + "'");
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

  private void header(byte[] bytes, int from, int to, boolean properEnd, int lineEnd) {
    if (follows && isOutputLine(bytes, from, to, properEnd)) {
      state = State.OUTPUT;
      outputLine(bytes, from, to);
      return;
    }
    requireProperEnd(properEnd, bytes, from, lineEnd);
    if (from == to) {
      if (fieldCount > 0) {
        emit(follows ? "" : null);
      }
      return;
    }
    // One pass finds the colon and hashes the key for the key cache.
    int colon = -1;
    int hash = 0;
    for (int i = from; i < to; i++) {
      byte next = bytes[i];
      if (next == ':') {
        colon = i;
        break;
      }
      hash = AsciiKeyCache.hash(hash, next);
    }
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
    String key = keyCache.key(bytes, from, colon, hash);
    String value = new String(bytes, valueStart, to - valueStart, StandardCharsets.UTF_8);
    keys[fieldCount] = key;
    values[fieldCount] = value;
    fieldCount++;
    if (fieldCount == 1 && key.equalsIgnoreCase("Response") && value.equalsIgnoreCase("Follows")) {
      follows = true;
    }
  }

  /**
   * Whether a line after {@code Response: Follows} starts the raw output. Asterisk 13 writes the
   * headers with CRLF and then the CLI text as the CLI produced it, with bare LF line ends ({@code
   * action_command} in {@code main/manager.c}). So a bare-LF line, a line carrying the end marker,
   * or a CRLF line other than the two headers Asterisk puts there is output. An empty CRLF line
   * right after the headers ends a reply that has no output at all (seen in the goami2 capture).
   */
  private boolean isOutputLine(byte[] bytes, int from, int to, boolean properEnd) {
    if (!properEnd || endsWith(bytes, from, to, END_COMMAND)) {
      return true;
    }
    return from < to
        && !startsWithIgnoreCase(bytes, from, to, "Privilege:")
        && !startsWithIgnoreCase(bytes, from, to, "ActionID:");
  }

  private void outputLine(byte[] bytes, int from, int to) {
    boolean last = endsWith(bytes, from, to, END_COMMAND);
    int textEnd = last ? to - END_COMMAND.length() : to;
    int added = textEnd - from + (last ? 0 : 1);
    if (outputBytes + added > limits.maxOutputBytes()) {
      throw new AmiProtocolException(
          "AMI command output longer than " + limits.maxOutputBytes() + " bytes");
    }
    outputBytes += added;
    output.append(new String(bytes, from, textEnd - from, StandardCharsets.UTF_8));
    if (!last) {
      output.append('\n');
      return;
    }
    emit(output.toString());
  }

  private void emit(String commandOutput) {
    AmiMessage message = AmiMessage.decoded(keys, values, fieldCount, commandOutput, !strictCrlf);
    Arrays.fill(keys, 0, fieldCount, null);
    Arrays.fill(values, 0, fieldCount, null);
    fieldCount = 0;
    follows = false;
    output.setLength(0);
    outputBytes = 0;
    state = State.HEADERS;
    listener.onMessage(message);
  }

  private AmiProtocolException lineTooLong() {
    return new AmiProtocolException("AMI line longer than " + limits.maxLineBytes() + " bytes");
  }

  private static boolean endsWith(byte[] bytes, int from, int to, String suffix) {
    int start = to - suffix.length();
    if (start < from) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      if (bytes[start + i] != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
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
