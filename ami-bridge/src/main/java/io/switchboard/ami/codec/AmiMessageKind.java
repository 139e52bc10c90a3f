package io.switchboard.ami.codec;

/**
 * What an AMI message is, decided by its headers: a message with an {@code Event} header is an
 * event even when it also carries {@code Response} ({@code OriginateResponse}, reference 1.7), a
 * message with {@code Response} is the reply to an action, and a message with {@code Action} is a
 * request from a client.
 */
public enum AmiMessageKind {
  EVENT,
  RESPONSE,
  ACTION
}
