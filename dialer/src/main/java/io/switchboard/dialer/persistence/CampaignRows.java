package io.switchboard.dialer.persistence;

import io.switchboard.dialer.campaign.CallingWindow;
import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignMode;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.CampaignStatus;
import io.switchboard.dialer.campaign.CampaignTarget;
import io.switchboard.dialer.campaign.RetryRule;
import io.switchboard.dialer.campaign.RetryRules;
import io.switchboard.dialer.pacing.AbandonAccounting;
import io.vertx.sqlclient.Row;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The {@code campaigns} columns and their mapping to and from {@link Campaign}. Stateless. */
final class CampaignRows {

  /** Every settings column, in the order of {@link #settingsValues}. */
  static final String SETTINGS_COLUMNS =
      "name, mode, queue, agent_group, caller_id, window_start, window_end, window_days,"
          + " busy_delay_minutes, busy_max_attempts, no_answer_delay_minutes,"
          + " no_answer_max_attempts, machine_delay_minutes, machine_max_attempts,"
          + " failed_delay_minutes, failed_max_attempts, max_attempts, ring_limit_seconds,"
          + " abandon_rate_target, accounting, abandon_message, amd_enabled,"
          + " amd_false_positive_estimate";

  /** The settings columns one by one. */
  static final List<String> SETTINGS_COLUMN_NAMES =
      Arrays.stream(SETTINGS_COLUMNS.split(",")).map(String::strip).toList();

  /** How many settings columns there are. */
  static final int SETTINGS_COUNT = SETTINGS_COLUMN_NAMES.size();

  static final String ALL_COLUMNS =
      "id, " + SETTINGS_COLUMNS + ", status, version, created_by, created_at, updated_at";

  private CampaignRows() {}

  /** The settings as values for {@link #SETTINGS_COLUMNS}. */
  static List<Object> settingsValues(CampaignSettings s) {
    CampaignTarget target = s.target();
    RetryRules rules = s.retryRules();
    return Arrays.asList(
        s.name(),
        s.mode().wireName(),
        target.kind() == CampaignTarget.Kind.QUEUE ? target.name() : null,
        target.kind() == CampaignTarget.Kind.AGENT_GROUP ? target.name() : null,
        s.callerId(),
        s.callingWindow().start(),
        s.callingWindow().end(),
        (short) s.callingWindow().daysMask(),
        rules.busy().delayMinutes(),
        (short) rules.busy().maxAttempts(),
        rules.noAnswer().delayMinutes(),
        (short) rules.noAnswer().maxAttempts(),
        rules.machine().delayMinutes(),
        (short) rules.machine().maxAttempts(),
        rules.failed().delayMinutes(),
        (short) rules.failed().maxAttempts(),
        (short) s.maxAttempts(),
        (short) s.ringLimitSeconds(),
        java.math.BigDecimal.valueOf(s.abandonRateTarget()),
        s.accounting().name().toLowerCase(Locale.ROOT),
        s.abandonMessage(),
        s.amdEnabled(),
        java.math.BigDecimal.valueOf(s.amdFalsePositiveEstimate()));
  }

  static Campaign campaign(Row row) {
    String queue = row.getString("queue");
    CampaignSettings settings =
        new CampaignSettings(
            row.getString("name"),
            CampaignMode.fromWire(row.getString("mode")),
            queue != null
                ? CampaignTarget.queue(queue)
                : CampaignTarget.agentGroup(row.getString("agent_group")),
            row.getString("caller_id"),
            new CallingWindow(
                row.getLocalTime("window_start"),
                row.getLocalTime("window_end"),
                CallingWindow.daysOf(row.getInteger("window_days"))),
            new RetryRules(
                rule(row, "busy"),
                rule(row, "no_answer"),
                rule(row, "machine"),
                rule(row, "failed")),
            row.getInteger("max_attempts"),
            row.getInteger("ring_limit_seconds"),
            row.getNumeric("abandon_rate_target").doubleValue(),
            AbandonAccounting.valueOf(row.getString("accounting").toUpperCase(Locale.ROOT)),
            row.getString("abandon_message"),
            row.getBoolean("amd_enabled"),
            row.getNumeric("amd_false_positive_estimate").doubleValue());
    return new Campaign(
        row.getLong("id"),
        settings,
        CampaignStatus.fromWire(row.getString("status")),
        row.getInteger("version"),
        row.getLong("created_by"),
        SqlValues.instant(row, "created_at"),
        SqlValues.instant(row, "updated_at"));
  }

  private static RetryRule rule(Row row, String outcome) {
    return new RetryRule(
        row.getInteger(outcome + "_delay_minutes"), row.getInteger(outcome + "_max_attempts"));
  }
}
