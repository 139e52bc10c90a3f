package io.switchboard.agentws.persistence;

import java.util.Objects;

/**
 * A wrap-up an agent (or a supervisor) gave a call: what {@link CallWrapUpRepository#wrapUp}
 * stores.
 *
 * @param serverId the Asterisk server the call ran on
 * @param linkedId the call's Linkedid (its key in {@code call_logs})
 * @param agentUserId the agent who handled the call, or null when not known
 * @param customerId the customer the call was with, or null (then the call's known customer, if
 *     any, is kept)
 * @param code the disposition code (a {@code disposition_codes} row)
 * @param notes the agent's notes, at most 2000 characters
 * @param wrappedUpBy the user who sent the wrap-up
 */
public record CallWrapUp(
    String serverId,
    String linkedId,
    Long agentUserId,
    Long customerId,
    String code,
    String notes,
    long wrappedUpBy) {

  public CallWrapUp {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(linkedId, "linkedId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(notes, "notes");
  }
}
