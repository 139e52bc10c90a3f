package io.switchboard.agentws.call;

import io.switchboard.core.config.SwitchboardSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * What the call actions need from the node's settings: the dialplan contexts they dial and transfer
 * through ({@code console.dial-context}, {@code console.queue-context}) and the region numbers
 * without a country code are read in ({@code crm.default-region}, as the CRM reads them).
 *
 * @param dialContext context of click-to-dial and of transfers to a number or an agent
 * @param queueContext context in which a queue is reached by an extension named like it
 * @param defaultRegion ISO 3166 country of numbers written without a country code
 * @param ringTimeout how long the agent's phone rings for a click-to-dial
 * @param dialResultWait how long a click-to-dial waits for the bridge to report its result before
 *     the agent is told it is unknown
 */
public record CallActionSettings(
    String dialContext,
    String queueContext,
    String defaultRegion,
    Duration ringTimeout,
    Duration dialResultWait) {

  /** Asterisk's own default for an Originate. */
  public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);

  /** The ring timeout, plus the bridge's wait for a late OriginateResponse, with room to spare. */
  public static final Duration DEFAULT_DIAL_RESULT_WAIT = Duration.ofMinutes(2);

  public CallActionSettings {
    Objects.requireNonNull(dialContext, "dialContext");
    Objects.requireNonNull(queueContext, "queueContext");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    Objects.requireNonNull(ringTimeout, "ringTimeout");
    Objects.requireNonNull(dialResultWait, "dialResultWait");
  }

  /** The node's settings, with the default ring timeout and result wait. */
  public static CallActionSettings from(SwitchboardSettings settings) {
    return new CallActionSettings(
        settings.console().dialContext(),
        settings.console().queueContext(),
        settings.crm().defaultRegion(),
        DEFAULT_RING_TIMEOUT,
        DEFAULT_DIAL_RESULT_WAIT);
  }
}
