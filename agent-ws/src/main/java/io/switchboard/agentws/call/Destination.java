package io.switchboard.agentws.call;

/**
 * A place in the dialplan a transfer sends a call to, at priority 1.
 *
 * @param context the dialplan context
 * @param exten the extension in it
 */
public record Destination(String context, String exten) {}
