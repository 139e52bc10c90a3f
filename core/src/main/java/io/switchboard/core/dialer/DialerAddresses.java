package io.switchboard.core.dialer;

/**
 * Event-bus addresses and console message types of the dialer's live campaign figures, shared by
 * the dialer (which computes and pushes them) and agent-ws (whose supervisor snapshot asks for
 * them), so neither imports the other.
 */
public final class DialerAddresses {

  /**
   * Request/reply, answered by the dialer's campaign runner (one per cluster): {@code {}} -> {@code
   * {at, campaigns: [figures of every campaign it runs]}}, the same data as {@link
   * #CAMPAIGNS_UPDATE}; {@code {campaignId}} -> that campaign's figures, or a failure with code 404
   * when the runner does not run it.
   */
  public static final String FIGURES_QUERY = "dialer.figures.query";

  /**
   * Console message type published to {@code console.to.role.supervisor} and {@code
   * console.to.role.admin} at most once a second when the figures changed: data {@code {at,
   * campaigns: [...]}}.
   */
  public static final String CAMPAIGNS_UPDATE = "dialer.campaigns.update";

  private DialerAddresses() {}
}
