package io.switchboard.ami.tracker;

import io.switchboard.ami.codec.AmiCodecLimits;
import io.switchboard.ami.codec.AmiFrameDecoder;
import io.switchboard.ami.codec.AmiFrameListener;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.codec.AmiMessageKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a capture from {@code src/test/resources/captures} (see its SOURCES.md) through the real
 * client-side decoder and feeds its events to a tracker, moving the test clock to each event's
 * {@code Timestamp} (synthetic fixtures) or by {@link #STEP} (real captures, which have none).
 */
final class CaptureReplay {

  static final String SERVER = "pbx1";

  /** Time between two events of a capture without Timestamp headers. */
  static final Duration STEP = Duration.ofMillis(10);

  /** The banner of Asterisk 13.38; the captures start after it, the client decoder wants one. */
  private static final String BANNER = "Asterisk Call Manager/2.10.6\r\n";

  final List<AmiMessage> messages;
  final int gluedBlocksSplit;

  private CaptureReplay(List<AmiMessage> messages, int gluedBlocksSplit) {
    this.messages = messages;
    this.gluedBlocksSplit = gluedBlocksSplit;
  }

  /** Every message of a capture, Action blocks included, glued blocks split. */
  static CaptureReplay load(String name) {
    return decode(name, true);
  }

  /** Every message exactly as the decoder delivers it, glued blocks left glued. */
  static CaptureReplay loadUnsplit(String name) {
    return decode(name, false);
  }

  private static CaptureReplay decode(String name, boolean split) {
    byte[] bytes = withCrlf(read(name));
    byte[] banner = BANNER.getBytes(StandardCharsets.US_ASCII);
    List<AmiMessage> decoded = new ArrayList<>();
    AmiFrameDecoder decoder =
        AmiFrameDecoder.forClient(
            new AmiFrameListener() {
              @Override
              public void onBanner(String line) {}

              @Override
              public void onMessage(AmiMessage message) {
                decoded.add(message);
              }
            },
            AmiCodecLimits.FROM_ASTERISK);
    decoder.feed(banner);
    decoder.feed(bytes);
    if (!split) {
      return new CaptureReplay(decoded, 0);
    }
    List<AmiMessage> messages = new ArrayList<>();
    int glued = 0;
    for (AmiMessage message : decoded) {
      List<AmiMessage> parts = splitAtSecondEvent(message);
      glued += parts.size() - 1;
      messages.addAll(parts);
    }
    return new CaptureReplay(messages, glued);
  }

  /** The events only: the {@code *-mixed} captures' Action blocks and the responses skipped. */
  List<AmiMessage> events() {
    return messages.stream().filter(m -> m.kind() == AmiMessageKind.EVENT).toList();
  }

  /** Feeds every event to the tracker, in order, moving the clock. */
  void replay(CallTracker tracker, ManualClock clock) {
    for (AmiMessage event : events()) {
      tick(event, clock);
      tracker.onEvent(SERVER, event);
    }
  }

  static void tick(AmiMessage event, ManualClock clock) {
    String timestamp = event.get("Timestamp");
    if (timestamp == null) {
      clock.advance(STEP);
    } else {
      clock.set(instant(timestamp));
    }
  }

  /** {@code Timestamp: <sec>.<usec>} as an instant. */
  static Instant instant(String timestamp) {
    BigDecimal seconds = new BigDecimal(timestamp);
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  /**
   * Some goami2 fixtures lack the empty line between two blocks (see SOURCES.md), so one decoded
   * message holds two events; a real Asterisk never sends that. Split at each further {@code
   * Event:} header.
   */
  private static List<AmiMessage> splitAtSecondEvent(AmiMessage message) {
    List<AmiMessage> parts = new ArrayList<>(1);
    if (message.kind() != AmiMessageKind.EVENT) {
      parts.add(message);
      return parts;
    }
    AmiMessage.Builder current = null;
    for (int i = 0; i < message.size(); i++) {
      String key = message.keyAt(i);
      if (key.equalsIgnoreCase("Event")) {
        if (current != null) {
          parts.add(current.build());
        }
        current = AmiMessage.event(message.valueAt(i));
      } else if (current != null) {
        current.with(key, message.valueAt(i));
      }
    }
    parts.add(current.build());
    return parts;
  }

  /**
   * The client decoder is strict CRLF, as Asterisk writes. The captures used here are stored with
   * CRLF; a capture stored with bare LF (the panoramisk ones, which were YAML) would be converted
   * here. Lines that already end in CRLF are left alone.
   */
  private static byte[] withCrlf(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(bytes[i]);
    }
    return out.toByteArray();
  }

  private static byte[] read(String name) {
    try (InputStream in = CaptureReplay.class.getResourceAsStream("/captures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no capture " + name + " in src/test/resources/captures");
      }
      return in.readAllBytes();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
