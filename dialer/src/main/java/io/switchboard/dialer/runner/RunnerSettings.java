package io.switchboard.dialer.runner;

import io.switchboard.core.config.DialerSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the campaign runner reaches the PBX and paces itself. Immutable.
 *
 * @param channelTemplate the Originate {@code Channel} with {@code {number}} for the lead's E.164
 *     number, e.g. {@code PJSIP/{number}@trunk} or {@code Local/{number}@outbound}
 * @param context the dialplan context an answered call continues in when AMD is off; its extension
 *     is the campaign's queue ({@code exten => _X.,1,Queue(${EXTEN})})
 * @param amdContext the same when AMD is on: it runs {@code AMD()} first and hangs up on a machine
 * @param abandonContext where a live call no agent took within the grace is redirected: it plays
 *     {@code ${SWITCHBOARD_ABANDON_MESSAGE}} and hangs up
 * @param abandonExten the extension in {@code abandonContext}
 * @param server the Asterisk server id, or null when one server is configured
 * @param tick how often each running campaign is asked how many calls to start (1 s in production)
 * @param grace how long an answered live call may wait in the queue before it is abandoned (2 s)
 * @param maxCallsPerCampaign the most calls in progress per campaign (bounds its call map)
 * @param maxAgents the most agents the runner keeps states for (bounds its roster)
 * @param lostCallTimeout a dial with no call event this long after its ring limit is recorded as
 *     failed (the PBX lost it)
 * @param previewContext preview mode: the context the agent's answered phone continues in; its
 *     extension is the lead's E.164 number, which it dials with the campaign's caller id
 * @param previewOfferTimeout preview mode: a lead shown to an agent who neither dials nor skips it
 *     within this time is withdrawn (60 s)
 * @param previewSkipDelay preview mode: a lead an agent skipped is due again after this (1 h)
 * @param groupQueue agent-group campaigns: the holding queue (no members) an answered person waits
 *     in, reached as the extension in {@code context} / {@code amdContext}, until the runner
 *     redirects the call to a member
 * @param agentContext agent-group campaigns: the context that rings an agent's phone at its
 *     extension (agent-ws's {@code console.dial-context}, {@code from-internal})
 * @param leaseRetry how often a runner that stands by tries to take the runner lease, and how often
 *     the leading runner checks it still holds it (5 s)
 */
public record RunnerSettings(
    String channelTemplate,
    String context,
    String amdContext,
    String abandonContext,
    String abandonExten,
    String server,
    Duration tick,
    Duration grace,
    int maxCallsPerCampaign,
    int maxAgents,
    Duration lostCallTimeout,
    String previewContext,
    Duration previewOfferTimeout,
    Duration previewSkipDelay,
    String groupQueue,
    String agentContext,
    Duration leaseRetry) {

  /** The placeholder for the lead's number in {@link #channelTemplate()}. */
  public static final String NUMBER = "{number}";

  public RunnerSettings {
    Objects.requireNonNull(channelTemplate, "channelTemplate");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(amdContext, "amdContext");
    Objects.requireNonNull(abandonContext, "abandonContext");
    Objects.requireNonNull(abandonExten, "abandonExten");
    Objects.requireNonNull(tick, "tick");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(lostCallTimeout, "lostCallTimeout");
    Objects.requireNonNull(previewContext, "previewContext");
    Objects.requireNonNull(previewOfferTimeout, "previewOfferTimeout");
    Objects.requireNonNull(previewSkipDelay, "previewSkipDelay");
    Objects.requireNonNull(groupQueue, "groupQueue");
    Objects.requireNonNull(agentContext, "agentContext");
    Objects.requireNonNull(leaseRetry, "leaseRetry");
    if (!channelTemplate.contains(NUMBER)) {
      throw new IllegalArgumentException("channelTemplate must contain " + NUMBER);
    }
    if (tick.toMillis() < 10 || grace.isNegative() || lostCallTimeout.toMillis() < 1_000) {
      throw new IllegalArgumentException("tick >= 10 ms, grace >= 0, lostCallTimeout >= 1 s");
    }
    if (previewOfferTimeout.toMillis() < 1_000 || previewSkipDelay.toMillis() < 1_000) {
      throw new IllegalArgumentException("previewOfferTimeout and previewSkipDelay >= 1 s");
    }
    if (leaseRetry.toMillis() < 100) {
      throw new IllegalArgumentException("leaseRetry >= 100 ms");
    }
    if (maxCallsPerCampaign < 1 || maxAgents < 1) {
      throw new IllegalArgumentException("maxCallsPerCampaign and maxAgents must be positive");
    }
  }

  /**
   * Production defaults: 1 s ticks, 2 s grace, 500 calls per campaign, 10,000 agents; preview
   * offers withdrawn after 60 s, skipped leads due again after 1 h.
   */
  public static RunnerSettings defaults() {
    return new RunnerSettings(
        "PJSIP/" + NUMBER + "@trunk",
        "dialer",
        "dialer-amd",
        "dialer-abandon",
        "s",
        null,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        500,
        10_000,
        Duration.ofMinutes(2),
        "dialer-preview",
        Duration.ofSeconds(60),
        Duration.ofHours(1),
        "dialer-hold",
        "from-internal",
        Duration.ofSeconds(5));
  }

  /**
   * The defaults with the node's channel template and dialplan contexts ({@code dialer.*}
   * settings).
   */
  public static RunnerSettings from(DialerSettings node) {
    RunnerSettings defaults = defaults();
    return new RunnerSettings(
        node.channelTemplate(),
        node.context(),
        node.amdContext(),
        node.abandonContext(),
        defaults.abandonExten,
        defaults.server,
        defaults.tick,
        defaults.grace,
        defaults.maxCallsPerCampaign,
        defaults.maxAgents,
        defaults.lostCallTimeout,
        node.previewContext(),
        defaults.previewOfferTimeout,
        defaults.previewSkipDelay,
        node.groupQueue(),
        node.agentContext(),
        defaults.leaseRetry);
  }

  /** The same settings with another tick (tests run faster than real campaigns). */
  public RunnerSettings withTick(Duration newTick) {
    return new RunnerSettings(
        channelTemplate,
        context,
        amdContext,
        abandonContext,
        abandonExten,
        server,
        newTick,
        grace,
        maxCallsPerCampaign,
        maxAgents,
        lostCallTimeout,
        previewContext,
        previewOfferTimeout,
        previewSkipDelay,
        groupQueue,
        agentContext,
        leaseRetry);
  }

  /** The same settings with another preview offer timeout (tests wait less than a minute). */
  public RunnerSettings withPreviewOfferTimeout(Duration timeout) {
    return new RunnerSettings(
        channelTemplate,
        context,
        amdContext,
        abandonContext,
        abandonExten,
        server,
        tick,
        grace,
        maxCallsPerCampaign,
        maxAgents,
        lostCallTimeout,
        previewContext,
        timeout,
        previewSkipDelay,
        groupQueue,
        agentContext,
        leaseRetry);
  }

  /** The same settings with another lease retry (tests wait seconds, not minutes). */
  public RunnerSettings withLeaseRetry(Duration retry) {
    return new RunnerSettings(
        channelTemplate,
        context,
        amdContext,
        abandonContext,
        abandonExten,
        server,
        tick,
        grace,
        maxCallsPerCampaign,
        maxAgents,
        lostCallTimeout,
        previewContext,
        previewOfferTimeout,
        previewSkipDelay,
        groupQueue,
        agentContext,
        retry);
  }

  /** The Originate channel for a number. */
  public String channelFor(String e164) {
    return channelTemplate.replace(NUMBER, e164);
  }
}
