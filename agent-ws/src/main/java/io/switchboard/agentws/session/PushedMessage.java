package io.switchboard.agentws.session;

/**
 * One message of a user's stream, encoded once and shared by every session and the replay buffer.
 *
 * @param seq its number in the user's stream
 * @param role the role it was published to, or null when it was published to the user
 * @param frame the whole envelope as sent, {@code {"type","seq","data"}}
 * @param pushedAtMs when it entered the stream (epoch milliseconds)
 */
record PushedMessage(long seq, String role, String frame, long pushedAtMs) {}
