package io.switchboard.agentws.wallboard;

/**
 * The bounds of what the wallboard keeps and sends. Beyond them new entries are refused (logged,
 * the first and then one in 1,000), never grown.
 *
 * @param maxCalls live calls followed (as the AMI bridge's call tracker)
 * @param maxWaitingCallers callers waiting in queues
 * @param maxAgents logged-in agents, and agents with a count of today's calls
 * @param maxQueues queues shown
 * @param maxListedCalls calls listed in one wallboard message (waiting ones first); {@code
 *     callsTotal} says how many there are
 * @param maxUsernames usernames cached
 */
public record WallboardLimits(
    int maxCalls,
    int maxWaitingCallers,
    int maxAgents,
    int maxQueues,
    int maxListedCalls,
    int maxUsernames) {

  /** 50,000 calls and waiting callers, 20,000 agents, 1,000 queues, 1,000 listed calls. */
  public static final WallboardLimits DEFAULTS =
      new WallboardLimits(50_000, 50_000, 20_000, 1_000, 1_000, 20_000);

  public WallboardLimits {
    if (maxCalls < 1
        || maxWaitingCallers < 1
        || maxAgents < 1
        || maxQueues < 1
        || maxListedCalls < 0
        || maxUsernames < 1) {
      throw new IllegalArgumentException("wallboard limits must be positive: " + this);
    }
  }
}
