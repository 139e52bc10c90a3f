package io.switchboard.ami.connection;

import java.time.Duration;

/**
 * The bounds of one AMI connection: how long an action may wait for its answer, how many may wait
 * at once, how long a list may grow, and how long the event listener may hold the event loop for
 * one event.
 *
 * @param actionTimeout time an action (a list action: its whole list), and the TCP connect with the
 *     banner, have to complete
 * @param maxPendingActions actions waiting for an answer at once; one more fails at once
 * @param maxListItems items one list action may collect before it fails
 * @param listenerBudget longest time the event listener may take for one event before the
 *     connection is closed as too slow (Asterisk drops a client that stops reading, reference 1.5)
 * @param actionIdPrefix text before the sequence number of each {@code ActionID}
 */
public record AmiConnectionOptions(
    Duration actionTimeout,
    int maxPendingActions,
    int maxListItems,
    Duration listenerBudget,
    String actionIdPrefix) {

  public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_PENDING_ACTIONS = 1024;

  /** Far above the channels and queue members of a large call center (CoreShowChannels). */
  public static final int DEFAULT_MAX_LIST_ITEMS = 50_000;

  /** A listener that holds the loop this long for one event is a bug, not a load spike. */
  public static final Duration DEFAULT_LISTENER_BUDGET = Duration.ofMillis(500);

  public static final String DEFAULT_ACTION_ID_PREFIX = "sb-";

  public AmiConnectionOptions {
    if (actionTimeout.isNegative() || actionTimeout.isZero()) {
      throw new IllegalArgumentException("AMI action timeout must be positive: " + actionTimeout);
    }
    if (maxPendingActions < 1 || maxListItems < 1) {
      throw new IllegalArgumentException(
          "AMI limits must be positive: pending "
              + maxPendingActions
              + ", list items "
              + maxListItems);
    }
    if (listenerBudget.isNegative() || listenerBudget.isZero()) {
      throw new IllegalArgumentException("AMI listener budget must be positive: " + listenerBudget);
    }
    if (actionIdPrefix.isEmpty()
        || actionIdPrefix.indexOf('\r') >= 0
        || actionIdPrefix.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("AMI ActionID prefix must be one non-empty line");
    }
  }

  public static AmiConnectionOptions defaults() {
    return new AmiConnectionOptions(
        DEFAULT_ACTION_TIMEOUT,
        DEFAULT_MAX_PENDING_ACTIONS,
        DEFAULT_MAX_LIST_ITEMS,
        DEFAULT_LISTENER_BUDGET,
        DEFAULT_ACTION_ID_PREFIX);
  }

  public AmiConnectionOptions withActionTimeout(Duration timeout) {
    return new AmiConnectionOptions(
        timeout, maxPendingActions, maxListItems, listenerBudget, actionIdPrefix);
  }

  public AmiConnectionOptions withMaxPendingActions(int max) {
    return new AmiConnectionOptions(
        actionTimeout, max, maxListItems, listenerBudget, actionIdPrefix);
  }

  public AmiConnectionOptions withMaxListItems(int max) {
    return new AmiConnectionOptions(
        actionTimeout, maxPendingActions, max, listenerBudget, actionIdPrefix);
  }

  public AmiConnectionOptions withListenerBudget(Duration budget) {
    return new AmiConnectionOptions(
        actionTimeout, maxPendingActions, maxListItems, budget, actionIdPrefix);
  }

  public AmiConnectionOptions withActionIdPrefix(String prefix) {
    return new AmiConnectionOptions(
        actionTimeout, maxPendingActions, maxListItems, listenerBudget, prefix);
  }
}
