package io.switchboard.ami.codec;

/**
 * Bytes that break the AMI framing or its limits. The connection that produced them is closed:
 * after a framing error nothing later on the stream can be trusted, so nothing is skipped silently.
 */
public final class AmiProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AmiProtocolException(String message) {
    super(message);
  }
}
