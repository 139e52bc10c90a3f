package io.switchboard.agentws.session;

/**
 * Where a reconnecting client left off: the epoch of the stream it was reading and the last
 * sequence number it processed.
 */
record ResumePoint(String epoch, long lastSeq) {}
