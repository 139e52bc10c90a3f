package io.switchboard.agentws;

import io.switchboard.core.console.ConsoleAddresses;

/**
 * The event-bus addresses and message types this module's agent-state and screen-pop code uses, in
 * one place. The console addresses are the session layer's contracts ({@code
 * io.switchboard.core.console}, taken from there); the CRM addresses are answered by {@code
 * crm-api}.
 */
public final class ConsoleBusAddresses {

  /** Publish {@code {type, data}} to every session of one user: append the user id. */
  public static final String TO_USER_PREFIX = ConsoleAddresses.TO_USER_PREFIX;

  /** Publish {@code {type, data}} to every session of a role: append the role. */
  public static final String TO_ROLE_PREFIX = ConsoleAddresses.TO_ROLE_PREFIX;

  /** The supervisors' role name. */
  public static final String SUPERVISOR_ROLE = ConsoleAddresses.ROLE_SUPERVISOR;

  /**
   * Request/reply from the session layer, the {@code agent.*} commands ({@code
   * console.command.agent}): {@code {userId, username, roles[], type, data}}; reply {@code {type,
   * data}} or a failure with an error code and message.
   */
  public static final String AGENT_COMMANDS = ConsoleAddresses.commandAddress("agent");

  /** Request/reply: the {@code supervisor.*} commands ({@code console.command.supervisor}). */
  public static final String SUPERVISOR_COMMANDS = ConsoleAddresses.commandAddress("supervisor");

  /**
   * Request/reply for the session layer's snapshot: {@code {userId}} -> {@code {agent: state}} (a
   * logged-out state when unknown); {@code {interface}} -> {@code {agent: the logged-in agent of
   * that member interface, or null}}; {@code {}} -> {@code {agents: [every logged-in agent]}}.
   */
  public static final String AGENT_STATE_QUERY = "agent.state.query";

  /** The agent-state owner's outbound-dial address and phases (see {@link ConsoleAddresses}). */
  public static final String AGENT_DIAL = ConsoleAddresses.AGENT_DIAL;

  public static final String DIAL_START = ConsoleAddresses.AGENT_DIAL_START;

  public static final String DIAL_FAILED = ConsoleAddresses.AGENT_DIAL_FAILED;

  /**
   * Request/reply served on the {@code AgentStateVerticle}'s context by the screen pop: {@code
   * {userId}} -> {@code {screenPop: the open pop's screenpop.show data (with what screenpop.update
   * added), or null}}.
   */
  public static final String SCREENPOP_QUERY = "screenpop.query";

  /**
   * Request/reply answered by the wallboard (when one is deployed): {@code {userId, username,
   * roles}} -> the wallboard data. Asked only for supervisors and admins.
   */
  public static final String WALLBOARD_SNAPSHOT = "wallboard.snapshot";

  /** Request {@code {phone, userId}}; reply {@code {matches: [...]}} (crm-api). */
  public static final String CRM_CUSTOMER_LOOKUP = "crm.customer.lookup";

  /** Request {@code {customerId, userId}}; reply the customer's 360 view (crm-api). */
  public static final String CRM_CUSTOMER_CARD = "crm.customer.card";

  /** Request {@code {userId, customerId}}: the call with that customer is over (crm-api). */
  public static final String CRM_CUSTOMER_RELEASE = "crm.customer.release";

  // Command types handled by the AgentStateVerticle.
  public static final String AGENT_LOGIN = "agent.login";
  public static final String AGENT_READY = "agent.ready";
  public static final String AGENT_PAUSE = "agent.pause";
  public static final String AGENT_LOGOUT = "agent.logout";
  public static final String AGENT_WRAPUP_DONE = "agent.wrapup.done";

  // Message types pushed to consoles.
  public static final String AGENT_STATE = "agent.state";
  public static final String AGENT_STATE_CHANGED = "agent.state.changed";
  public static final String SCREENPOP_SHOW = "screenpop.show";
  public static final String SCREENPOP_UPDATE = "screenpop.update";
  public static final String SCREENPOP_CLOSE = "screenpop.close";

  // --- wallboard and supervisor actions ------------------------------------------------------

  /** The administrators' role name (they see the wallboard too). */
  public static final String ADMIN_ROLE = ConsoleAddresses.ROLE_ADMIN;

  // Command types handled by the SupervisorActionsVerticle.
  public static final String SUPERVISOR_SPY = "supervisor.spy";
  public static final String SUPERVISOR_PAUSE = "supervisor.pause";
  public static final String SUPERVISOR_LOGOUT = "supervisor.logout";

  // Message types of the wallboard and the supervisor actions.
  public static final String WALLBOARD_UPDATE = "wallboard.update";
  public static final String SUPERVISOR_DONE = "supervisor.done";

  private ConsoleBusAddresses() {}

  /** The address of one user's sessions. */
  public static String toUser(long userId) {
    return ConsoleAddresses.toUser(userId);
  }
}
