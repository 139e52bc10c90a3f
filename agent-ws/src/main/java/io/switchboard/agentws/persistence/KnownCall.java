package io.switchboard.agentws.persistence;

/**
 * A call PostgreSQL knows by its Linkedid, from its call log or its wrap-up row.
 *
 * @param serverId the Asterisk server it ran on
 * @param linkedId its Linkedid
 * @param agentUserId the agent recorded as having handled it, or null
 * @param callLogged true when its {@code call_logs} row exists
 */
public record KnownCall(String serverId, String linkedId, Long agentUserId, boolean callLogged) {}
