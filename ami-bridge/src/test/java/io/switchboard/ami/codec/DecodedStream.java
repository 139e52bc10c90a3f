package io.switchboard.ami.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * What a decoder made of one byte stream, in a form two runs can be compared with: the banners, a
 * canonical text of every message (kind, name, headers in order, command output), the error that
 * stopped it, and whether bytes were left waiting. Test support for the codec tests.
 *
 * @param banners banner lines, in order
 * @param messages one canonical line per message, in order
 * @param error the {@link AmiProtocolException} message, or null when the stream decoded cleanly
 * @param pending whether an unfinished line or message was left when the input ended
 */
record DecodedStream(List<String> banners, List<String> messages, String error, boolean pending) {

  /** Renders a message so that two decodes of the same bytes compare equal. */
  static String canonical(AmiMessage message) {
    StringBuilder text = new StringBuilder();
    text.append(message.kind()).append(' ').append(message.name()).append(" {");
    for (int i = 0; i < message.size(); i++) {
      text.append(i == 0 ? "" : " | ").append(message.keyAt(i)).append(": ");
      text.append(message.valueAt(i));
    }
    text.append('}');
    if (message.output() != null) {
      text.append(" output=[").append(message.output().replace("\n", "\\n")).append(']');
    }
    return text.toString();
  }

  /** Collects what a decoder reports, messages kept whole as well as canonical. */
  static final class Collector implements AmiFrameListener {
    final List<String> banners = new ArrayList<>();
    final List<AmiMessage> messages = new ArrayList<>();

    @Override
    public void onBanner(String banner) {
      banners.add(banner);
    }

    @Override
    public void onMessage(AmiMessage message) {
      messages.add(message);
    }

    DecodedStream result(String error, boolean pending) {
      return new DecodedStream(
          List.copyOf(banners),
          messages.stream().map(DecodedStream::canonical).toList(),
          error,
          pending);
    }
  }
}
