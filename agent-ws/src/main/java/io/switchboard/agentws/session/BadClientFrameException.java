package io.switchboard.agentws.session;

/** A client message the session cannot use; its message says why, for the {@code error} frame. */
final class BadClientFrameException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Object replyTo;

  BadClientFrameException(String message, Object replyTo) {
    super(message, null, false, false);
    this.replyTo = replyTo;
  }

  Object replyTo() {
    return replyTo;
  }
}
