package io.switchboard.ami.codec;

/** Receives what {@link AmiFrameDecoder} decodes, on the thread that feeds the decoder. */
public interface AmiFrameListener {

  /** The first line an Asterisk manager sends, e.g. {@code Asterisk Call Manager/7.0.3}. */
  void onBanner(String banner);

  /** One complete message. */
  void onMessage(AmiMessage message);
}
