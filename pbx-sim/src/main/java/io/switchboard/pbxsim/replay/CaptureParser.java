package io.switchboard.pbxsim.replay;

import io.switchboard.ami.codec.AmiCodecLimits;
import io.switchboard.ami.codec.AmiFrameDecoder;
import io.switchboard.ami.codec.AmiFrameListener;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.codec.AmiMessageKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a capture file ({@code ../shared/ami-captures}, copied into test resources) into the blocks
 * a server sent, through the real codec. Two repairs come first, both about how the files were
 * stored, not about AMI: a leading banner line is dropped (the simulator sends its own), and where
 * the source's string literals lost the blank line between two blocks (goami2 fixtures: {@code
 * "...AppData: x\r\nEvent: DialEnd"}), one is put back before an {@code Event:} / {@code Response:}
 * / {@code Action:} line that starts a second block. Client {@code Action:} blocks of {@code
 * *-mixed} files are left out, as SOURCES.md says. Stateless.
 */
public final class CaptureParser {

  private CaptureParser() {}

  /** The server-sent blocks, in capture order. */
  public static List<AmiMessage> serverBlocks(String capture) {
    List<AmiMessage> blocks = new ArrayList<>();
    for (AmiMessage m : allBlocks(capture)) {
      if (m.kind() != AmiMessageKind.ACTION) {
        blocks.add(m);
      }
    }
    return blocks;
  }

  /** Every block, client actions included. */
  public static List<AmiMessage> allBlocks(String capture) {
    List<AmiMessage> out = new ArrayList<>();
    AmiFrameDecoder decoder =
        AmiFrameDecoder.forServer(
            new AmiFrameListener() {
              @Override
              public void onBanner(String banner) {}

              @Override
              public void onMessage(AmiMessage message) {
                out.add(message);
              }
            },
            AmiCodecLimits.FROM_ASTERISK);
    byte[] bytes = repair(capture).getBytes(StandardCharsets.UTF_8);
    decoder.feed(bytes, 0, bytes.length);
    return out;
  }

  /** Normalises the stored text into well-separated blocks (see the class comment). */
  static String repair(String capture) {
    String[] lines = capture.replace("\r\n", "\n").split("\n", -1);
    StringBuilder text = new StringBuilder(capture.length() + 256);
    String kindKey = null;
    boolean originateResponse = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i == 0 && line.startsWith("Asterisk Call Manager/")) {
        continue;
      }
      if (line.isEmpty()) {
        kindKey = null;
        originateResponse = false;
        text.append("\r\n");
        continue;
      }
      String key = keyOf(line);
      boolean kindLine = key.equals("event") || key.equals("response") || key.equals("action");
      if (kindLine && kindKey != null && !(key.equals("response") && originateResponse)) {
        text.append("\r\n");
        kindKey = null;
        originateResponse = false;
      }
      if (kindLine && kindKey == null) {
        kindKey = key;
        originateResponse = line.equalsIgnoreCase("Event: OriginateResponse");
      }
      text.append(line).append("\r\n");
    }
    if (!text.toString().endsWith("\r\n\r\n")) {
      text.append("\r\n");
    }
    return text.toString();
  }

  private static String keyOf(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
  }
}
