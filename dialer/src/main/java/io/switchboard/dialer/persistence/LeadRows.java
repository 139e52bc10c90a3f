package io.switchboard.dialer.persistence;

import io.switchboard.dialer.compliance.LeadSkip;
import io.switchboard.dialer.compliance.SkipReason;
import io.switchboard.dialer.lead.AmdVerdict;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinalState;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadAttempt;
import io.switchboard.dialer.lead.LeadList;
import io.switchboard.dialer.lead.LeadStatus;
import io.switchboard.dialer.lead.OutcomeCounts;
import io.vertx.sqlclient.Row;
import java.time.ZoneId;
import java.util.Optional;

/** Columns of the lead tables and their mapping to domain records. Stateless. */
final class LeadRows {

  static final String LEAD_COLUMNS =
      "l.id, l.campaign_id, l.lead_list_id, l.e164, l.name, l.external_id, l.time_zone,"
          + " l.customer_id, l.status, l.final_state, l.attempts, l.busy_attempts,"
          + " l.no_answer_attempts, l.machine_attempts, l.failed_attempts, l.abandoned_attempts,"
          + " l.last_outcome, l.last_attempt_at, l.next_attempt_at, l.callback, l.created_at";

  static final String LIST_COLUMNS =
      "id, campaign_id, name, rows_read, imported, failed, created_by, created_at";

  static final String ATTEMPT_COLUMNS =
      "id, lead_id, campaign_id, attempt, started_at, answered_at, abandoned_at, ended_at,"
          + " outcome, amd_verdict, reason, agent_user_id";

  static final String SKIP_COLUMNS = "id, lead_id, campaign_id, at, reason, detail, until";

  private LeadRows() {}

  static Lead lead(Row row) {
    String zone = row.getString("time_zone");
    return new Lead(
        row.getLong("id"),
        row.getLong("campaign_id"),
        row.getLong("lead_list_id"),
        row.getString("e164"),
        row.getString("name"),
        row.getString("external_id"),
        zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone)),
        row.getLong("customer_id"),
        LeadStatus.fromWire(row.getString("status")),
        FinalState.fromWire(row.getString("final_state")),
        row.getInteger("attempts"),
        new OutcomeCounts(
            row.getInteger("busy_attempts"),
            row.getInteger("no_answer_attempts"),
            row.getInteger("machine_attempts"),
            row.getInteger("failed_attempts"),
            row.getInteger("abandoned_attempts")),
        AttemptOutcome.fromWire(row.getString("last_outcome")),
        SqlValues.instant(row, "last_attempt_at"),
        SqlValues.instant(row, "next_attempt_at"),
        row.getBoolean("callback"),
        SqlValues.instant(row, "created_at"));
  }

  static LeadList list(Row row) {
    return new LeadList(
        row.getLong("id"),
        row.getLong("campaign_id"),
        row.getString("name"),
        row.getInteger("rows_read"),
        row.getInteger("imported"),
        row.getInteger("failed"),
        row.getLong("created_by"),
        SqlValues.instant(row, "created_at"));
  }

  static LeadAttempt attempt(Row row) {
    return new LeadAttempt(
        row.getLong("id"),
        row.getLong("lead_id"),
        row.getLong("campaign_id"),
        row.getInteger("attempt"),
        SqlValues.instant(row, "started_at"),
        SqlValues.instant(row, "answered_at"),
        SqlValues.instant(row, "abandoned_at"),
        SqlValues.instant(row, "ended_at"),
        AttemptOutcome.fromWire(row.getString("outcome")),
        AmdVerdict.fromWire(row.getString("amd_verdict")),
        row.getString("reason"),
        row.getLong("agent_user_id"));
  }

  static LeadSkip skip(Row row) {
    return new LeadSkip(
        row.getLong("id"),
        row.getLong("lead_id"),
        row.getLong("campaign_id"),
        SqlValues.instant(row, "at"),
        SkipReason.fromWire(row.getString("reason")),
        row.getString("detail"),
        SqlValues.instant(row, "until"));
  }
}
