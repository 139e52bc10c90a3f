package io.switchboard.dialer.runner;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.dialer.lead.Lead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Preview mode's offers, at most one per agent: an agent is claimed while a lead is picked for it
 * ({@link Phase#PICKING}), the lead waits while agent-ws pauses the agent ({@link Phase#PAUSING}),
 * is shown to the agent ({@link Phase#OFFERED}) until the agent dials or skips it, the offer times
 * out, or the agent's state moves away from the preview pause, and is {@link Phase#DIALING} while
 * its call is under way. Only the agent it is offered to may dial or skip a lead. Pure: no Vert.x
 * types, time from the injected clock; bounded by {@code maxOffers}. Not thread-safe: the runner's
 * context only.
 */
final class PreviewOffers {

  /** The pause reason agent-ws holds while a lead is shown (the queue does not ring the agent). */
  static final String PAUSE_REASON = "preview";

  /** The pause reason an agent is left in when it let an offer time out. */
  static final String TIMEOUT_REASON = "preview-timeout";

  /** Where an offer is. */
  enum Phase {
    PICKING,
    PAUSING,
    OFFERED,
    DIALING
  }

  /** One agent's offer. Mutable; owned by {@link PreviewOffers}. */
  static final class Offer {
    final long agentUserId;
    final String agentInterface;
    final long campaignId;
    Phase phase = Phase.PICKING;
    Lead lead;
    Instant offeredAt;
    Instant expiresAt;
    String originateId;

    /** The dial's Originate was sent (agent-ws made the agent busy first); false while it waits. */
    boolean sent;

    private Offer(long agentUserId, String agentInterface, long campaignId) {
      this.agentUserId = agentUserId;
      this.agentInterface = agentInterface;
      this.campaignId = campaignId;
    }
  }

  private final Clock clock;
  private final Duration timeout;
  private final int maxOffers;
  private final Map<Long, Offer> byAgent = new HashMap<>();
  private final Map<Long, Offer> byLead = new HashMap<>();

  PreviewOffers(Clock clock, Duration timeout, int maxOffers) {
    this.clock = clock;
    this.timeout = timeout;
    this.maxOffers = maxOffers;
  }

  /** The agent's offer in any phase, or null. */
  Offer of(long agentUserId) {
    return byAgent.get(agentUserId);
  }

  /** Every offer, a copy. */
  List<Offer> all() {
    return List.copyOf(byAgent.values());
  }

  /** Every offer of a campaign. */
  List<Offer> ofCampaign(long campaignId) {
    return byAgent.values().stream().filter(offer -> offer.campaignId == campaignId).toList();
  }

  /** Claims a free agent for a pick; null when it has an offer already or the map is full. */
  Offer claim(long agentUserId, String agentInterface, long campaignId) {
    if (byAgent.containsKey(agentUserId) || byAgent.size() >= maxOffers) {
      return null;
    }
    Offer offer = new Offer(agentUserId, agentInterface, campaignId);
    byAgent.put(agentUserId, offer);
    return offer;
  }

  /**
   * The pick found {@code lead} for a claimed agent: shown at once when the agent is already paused
   * for preview (it skipped or dialled the last one), else waiting for the pause.
   */
  Offer picked(long agentUserId, Lead lead, boolean alreadyPaused) {
    Offer offer = inPhase(agentUserId, Phase.PICKING);
    if (offer == null) {
      return null;
    }
    offer.lead = lead;
    byLead.put(lead.id(), offer);
    if (alreadyPaused) {
      show(offer);
    } else {
      offer.phase = Phase.PAUSING;
    }
    return offer;
  }

  /** agent-ws paused the agent: the lead is shown now; null when there was no such offer. */
  Offer paused(long agentUserId) {
    Offer offer = inPhase(agentUserId, Phase.PAUSING);
    if (offer != null) {
      show(offer);
    }
    return offer;
  }

  private void show(Offer offer) {
    offer.phase = Phase.OFFERED;
    offer.offeredAt = clock.instant();
    offer.expiresAt = offer.offeredAt.plus(timeout);
  }

  /**
   * The agent confirms the dial of {@code leadId}: the offer is dialled under {@code originateId}.
   *
   * @throws SwitchboardException 403 when the lead is offered to another agent, 409 when the agent
   *     has no offer, another lead, or the lead is not shown yet or already dialled
   */
  Offer dial(long agentUserId, long leadId, String originateId) {
    Offer offer = owned(agentUserId, leadId, "dial");
    offer.phase = Phase.DIALING;
    offer.originateId = originateId;
    return offer;
  }

  /** The agent skips {@code leadId}; the offer is removed. The same refusals as {@link #dial}. */
  Offer skip(long agentUserId, long leadId) {
    return remove(owned(agentUserId, leadId, "skip"));
  }

  /** The dial of the agent's offer is over (recorded or released): the offer is removed. */
  Offer dialOver(long agentUserId) {
    return remove(inPhase(agentUserId, Phase.DIALING));
  }

  /** Removes the agent's offer in any phase (a pick found nothing, a pause failed); or null. */
  Offer drop(long agentUserId) {
    return remove(byAgent.get(agentUserId));
  }

  /** Shown offers whose time ran out, removed. */
  List<Offer> expire() {
    Instant now = clock.instant();
    List<Offer> expired = new ArrayList<>();
    for (Offer offer : List.copyOf(byAgent.values())) {
      if (offer.phase == Phase.OFFERED && !now.isBefore(offer.expiresAt)) {
        expired.add(remove(offer));
      }
    }
    return expired;
  }

  /**
   * The agent's state as agent-ws reported it (wire name and pause reason): a shown offer is
   * withdrawn (removed and returned) once the agent is anything but paused for preview (it paused
   * for another reason, went ready, logged out, took a call); an offer waiting for its pause only
   * when the agent logged out. Null when nothing is withdrawn.
   */
  Offer agentChanged(long agentUserId, String state, String reason) {
    Offer offer = byAgent.get(agentUserId);
    if (offer == null) {
      return null;
    }
    boolean previewPaused = "paused".equals(state) && PAUSE_REASON.equals(reason);
    return switch (offer.phase) {
      case OFFERED -> previewPaused ? null : remove(offer);
      case PAUSING -> "logged_out".equals(state) ? remove(offer) : null;
      case PICKING, DIALING -> null;
    };
  }

  int size() {
    return byAgent.size();
  }

  private Offer owned(long agentUserId, long leadId, String action) {
    Offer offer = byAgent.get(agentUserId);
    Offer holder = byLead.get(leadId);
    if (holder != null && holder != offer) {
      throw new SwitchboardException(
          ErrorCode.FORBIDDEN,
          "dialer.preview." + action + ": lead " + leadId + " is offered to another agent");
    }
    if (offer == null || offer.lead == null) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT,
          "dialer.preview." + action + ": no lead is offered to you; wait for the next offer");
    }
    if (offer.lead.id() != leadId) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT,
          "dialer.preview."
              + action
              + ": lead "
              + leadId
              + " is not the lead offered to you (lead "
              + offer.lead.id()
              + ")");
    }
    if (offer.phase != Phase.OFFERED) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT,
          "dialer.preview."
              + action
              + ": lead "
              + leadId
              + (offer.phase == Phase.DIALING ? " is being dialled already" : " is not shown yet"));
    }
    return offer;
  }

  private Offer inPhase(long agentUserId, Phase phase) {
    Offer offer = byAgent.get(agentUserId);
    return offer != null && offer.phase == phase ? offer : null;
  }

  private Offer remove(Offer offer) {
    if (offer != null) {
      byAgent.remove(offer.agentUserId);
      if (offer.lead != null) {
        byLead.remove(offer.lead.id());
      }
    }
    return offer;
  }
}
