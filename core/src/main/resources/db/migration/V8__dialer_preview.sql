-- Preview mode (issue #6): an agent who is shown a lead may skip it. The skip is logged like a
-- compliance skip, with the agent's words in the detail, and the lead is due again at `until`.
ALTER TABLE lead_skips DROP CONSTRAINT lead_skips_reason_check;
ALTER TABLE lead_skips ADD CONSTRAINT lead_skips_reason_check
    CHECK (reason IN ('do_not_call', 'excluded', 'outside_window', 'no_common_window',
                      'unknown_time_zone', 'recall_lock_abandoned', 'recall_lock_machine',
                      'max_attempts', 'retry_delay', 'agent_skipped'));
