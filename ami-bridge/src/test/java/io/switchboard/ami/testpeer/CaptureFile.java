package io.switchboard.ami.testpeer;

import io.switchboard.ami.codec.AmiCodecLimits;
import io.switchboard.ami.codec.AmiFrameDecoder;
import io.switchboard.ami.codec.AmiFrameListener;
import io.switchboard.ami.codec.AmiMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real AMI capture from the test resources (see {@code ami-captures/SOURCES.md}), decoded with
 * the real codec into its blocks in capture order: the client's {@code Action} blocks of a {@code
 * *-mixed.ami} file and the server's responses and events. Where the file lost the empty line that
 * ends a block (an extraction artefact the SOURCES file lists), the empty line is restored before
 * an {@code Event:}/{@code Response:} line that starts inside a block which already has one; {@link
 * #repairedLines()} says where.
 */
public final class CaptureFile {

  private final List<AmiMessage> blocks;
  private final List<Integer> repairedLines;

  private CaptureFile(List<AmiMessage> blocks, List<Integer> repairedLines) {
    this.blocks = blocks;
    this.repairedLines = repairedLines;
  }

  public static CaptureFile load(String resource) {
    String text;
    try (InputStream in = CaptureFile.class.getResourceAsStream("/ami-captures/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource ami-captures/" + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    StringBuilder repaired = new StringBuilder(text.length() + 64);
    List<Integer> repairedLines = new ArrayList<>();
    boolean blockHasKind = false;
    String[] lines = text.split("\r\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String lower = line.toLowerCase(Locale.ROOT);
      boolean kind =
          lower.startsWith("event:")
              || lower.startsWith("response:")
              || lower.startsWith("action:");
      if (kind && blockHasKind && !lower.startsWith("action:")) {
        repaired.append("\r\n");
        repairedLines.add(i + 1);
      }
      if (line.isEmpty()) {
        blockHasKind = false;
      } else if (kind) {
        blockHasKind = true;
      }
      repaired.append(line);
      if (i < lines.length - 1) {
        repaired.append("\r\n");
      }
    }
    List<AmiMessage> blocks = new ArrayList<>();
    AmiFrameDecoder decoder =
        AmiFrameDecoder.forServer(
            new AmiFrameListener() {
              @Override
              public void onBanner(String banner) {}

              @Override
              public void onMessage(AmiMessage message) {
                blocks.add(message);
              }
            },
            AmiCodecLimits.FROM_ASTERISK);
    decoder.feed(repaired.toString().getBytes(StandardCharsets.UTF_8));
    return new CaptureFile(List.copyOf(blocks), List.copyOf(repairedLines));
  }

  /** Every block in capture order. */
  public List<AmiMessage> blocks() {
    return blocks;
  }

  /** The 1-based lines of the original file before which an empty line was restored. */
  public List<Integer> repairedLines() {
    return repairedLines;
  }

  /** The client's actions, in capture order. */
  public List<AmiMessage> actions() {
    return blocks.stream()
        .filter(b -> b.kind() == io.switchboard.ami.codec.AmiMessageKind.ACTION)
        .toList();
  }

  /** The server's responses and events, in capture order. */
  public List<AmiMessage> serverBlocks() {
    return blocks.stream()
        .filter(b -> b.kind() != io.switchboard.ami.codec.AmiMessageKind.ACTION)
        .toList();
  }

  /**
   * A server block with its {@code ActionID} replaced through {@code rename}, headers otherwise as
   * captured. Server blocks start with their {@code Event} or {@code Response} header.
   */
  public static AmiMessage withActionId(
      AmiMessage block, java.util.function.UnaryOperator<String> rename) {
    AmiMessage.Builder copy =
        block.kind() == io.switchboard.ami.codec.AmiMessageKind.EVENT
            ? AmiMessage.event(block.valueAt(0))
            : AmiMessage.response(block.valueAt(0));
    for (int i = 1; i < block.size(); i++) {
      String key = block.keyAt(i);
      copy.with(
          key,
          key.equalsIgnoreCase("ActionID") ? rename.apply(block.valueAt(i)) : block.valueAt(i));
    }
    return copy.output(block.output()).build();
  }
}
