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
    Duration lostCallTimeout) {

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
    if (!channelTemplate.contains(NUMBER)) {
      throw new IllegalArgumentException("channelTemplate must contain " + NUMBER);
    }
    if (tick.toMillis() < 10 || grace.isNegative() || lostCallTimeout.toMillis() < 1_000) {
      throw new IllegalArgumentException("tick >= 10 ms, grace >= 0, lostCallTimeout >= 1 s");
    }
    if (maxCallsPerCampaign < 1 || maxAgents < 1) {
      throw new IllegalArgumentException("maxCallsPerCampaign and maxAgents must be positive");
    }
  }

  /** Production defaults: 1 s ticks, 2 s grace, 500 calls per campaign, 10,000 agents. */
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
        Duration.ofMinutes(2));
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
        defaults.lostCallTimeout);
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
        lostCallTimeout);
  }

  /** The Originate channel for a number. */
  public String channelFor(String e164) {
    return channelTemplate.replace(NUMBER, e164);
  }
}
