package io.switchboard.ami.tracker;

import java.util.List;
import java.util.Set;

/**
 * Tells a trunk channel (to or from the outside world) from the PBX's own endpoints, which decides
 * a call's direction: a call whose first channel came in on a trunk is inbound, a call that dials
 * out through one is outbound. A channel is a trunk when it was created in one of {@code
 * inboundContexts} (where a trunk's calls enter the dialplan) or its name starts with one of {@code
 * channelPrefixes} (e.g. {@code PJSIP/provider-}). Immutable.
 *
 * @param inboundContexts dialplan contexts in which incoming trunk calls start
 * @param channelPrefixes channel-name prefixes of trunk channels
 */
public record TrunkPolicy(Set<String> inboundContexts, List<String> channelPrefixes) {

  /** Contexts common dialplans (FreePBX, Issabel, examples in the Asterisk book) use for trunks. */
  public static final TrunkPolicy DEFAULT =
      new TrunkPolicy(
          Set.of("from-trunk", "from-pstn", "from-external", "from-provider", "from-did"),
          List.of());

  public TrunkPolicy {
    inboundContexts = Set.copyOf(inboundContexts);
    channelPrefixes = List.copyOf(channelPrefixes);
  }

  /** Whether a new channel, as first seen, is a trunk. */
  boolean isTrunk(String channelName, String context) {
    if (context != null && inboundContexts.contains(context)) {
      return true;
    }
    for (String prefix : channelPrefixes) {
      if (channelName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
