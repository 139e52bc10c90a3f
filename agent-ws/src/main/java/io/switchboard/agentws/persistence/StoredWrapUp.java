package io.switchboard.agentws.persistence;

/**
 * What a stored wrap-up reached.
 *
 * @param callLogged true when the call log existed and now carries the wrap-up; false when the
 *     wrap-up waits for the call log writer to apply it
 * @param customerId the customer the disposition was recorded for, or null when none is known (then
 *     there is no timeline entry)
 */
public record StoredWrapUp(boolean callLogged, Long customerId) {}
