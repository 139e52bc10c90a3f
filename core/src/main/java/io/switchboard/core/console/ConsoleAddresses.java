package io.switchboard.core.console;

import java.util.List;
import java.util.Objects;

/**
 * Event-bus addresses of the live console. Pushes to users and roles are published (every node
 * delivers to its own sessions); commands, snapshots and token checks are request/reply.
 */
public final class ConsoleAddresses {

  /**
   * Prefix of {@link #toUser(long)}: publish a {@link ConsoleMessage} to every session of a user.
   */
  public static final String TO_USER_PREFIX = "console.to.user.";

  /** Prefix of {@link #toRole(String)}: publish a {@link ConsoleMessage} to holders of a role. */
  public static final String TO_ROLE_PREFIX = "console.to.role.";

  /**
   * Prefix of {@link #commandAddress(String)}. Request/reply: a {@link ConsoleCommand} a client
   * sent goes to {@code console.command.<domain>}, the domain being its type's first dotted segment
   * ({@code agent.ready} to {@code console.command.agent}), so that each module answers its own
   * commands. The reply is a {@link ConsoleMessage} sent back to that session, a failure ({@code
   * ReplyException} with an {@code ErrorCode} bus code and a message) is sent back as an {@code
   * error} frame.
   */
  public static final String COMMAND = "console.command";

  /**
   * Request/reply: a {@link SnapshotRequest}; the reply is a JSON object the session sends as the
   * {@code snapshot} message on connect and after a resume gap.
   */
  public static final String SNAPSHOT = "console.snapshot";

  /**
   * Request/reply, served by crm-api: a {@link TokenVerifyRequest}; the reply is a {@link
   * VerifiedUser}, or a failure with code 401 when the token is malformed, unknown, expired or
   * revoked.
   */
  public static final String AUTH_TOKEN_VERIFY = "auth.token.verify";

  /**
   * Request/reply, served by agent-ws's agent-state owner; internal (no console session can send
   * here): {@code {userId, linkedId, phase}}. {@code phase} {@value #AGENT_DIAL_START}: the agent's
   * phone is about to ring for an outbound dial of the call {@code linkedId} (a click-to-dial, or a
   * preview dial of the dialer), so the agent goes {@code on_call} (reason {@code outbound}, no
   * queue) and the PBX pauses it in its queues; a failure (409 not ready, paused or wrapping up, or
   * the PBX's refusal) means the dial must not be sent. {@value #AGENT_DIAL_FAILED}: the dial did
   * not reach the agent (refused, or no result came), so the agent goes back to its state before
   * it. Reply {@code {agent: state}}.
   */
  public static final String AGENT_DIAL = "agent.state.dial";

  /** {@value #AGENT_DIAL} phases. */
  public static final String AGENT_DIAL_START = "start";

  public static final String AGENT_DIAL_FAILED = "failed";

  /** Role names as stored in the {@code roles} table and carried in tokens. */
  public static final String ROLE_AGENT = "agent";

  public static final String ROLE_SUPERVISOR = "supervisor";

  public static final String ROLE_ADMIN = "admin";

  /** Every role a console session may hold. */
  public static final List<String> ROLES = List.of(ROLE_AGENT, ROLE_SUPERVISOR, ROLE_ADMIN);

  private ConsoleAddresses() {}

  /** The address every session of {@code userId} listens on (published). */
  public static String toUser(long userId) {
    return TO_USER_PREFIX + userId;
  }

  /**
   * Where a command of {@code type} is sent: {@code console.command.<domain>}, e.g. {@code
   * console.command.call} for {@code call.dial} (request/reply, one consumer per domain).
   */
  public static String commandAddress(String type) {
    return COMMAND + "." + commandDomain(type);
  }

  /**
   * The domain of a command type: its first dotted segment ({@code agent} of {@code agent.ready}).
   */
  public static String commandDomain(String type) {
    Objects.requireNonNull(type, "type");
    int dot = type.indexOf('.');
    String domain = dot < 0 ? type : type.substring(0, dot);
    if (domain.isEmpty()) {
      throw new IllegalArgumentException("command type '" + type + "' has no domain");
    }
    return domain;
  }

  /** The address every session of a holder of {@code role} listens on (published). */
  public static String toRole(String role) {
    Objects.requireNonNull(role, "role");
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("unknown role '" + role + "', expected one of " + ROLES);
    }
    return TO_ROLE_PREFIX + role;
  }
}
