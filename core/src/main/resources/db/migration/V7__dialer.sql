-- Outbound dialer (issue #6): campaigns, their exclusions, lead lists and leads, every dial
-- attempt, the log of leads skipped by the compliance check, and re-call locks per number.
-- Applied migrations are never edited: every change is a new V<n>__<what>.sql.

-- Campaigns ------------------------------------------------------------------------------------

CREATE TABLE campaigns (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    mode                 text NOT NULL CHECK (mode IN ('preview', 'progressive', 'predictive')),
    -- Answered calls go to a queue or to an agent group: exactly one of the two.
    queue                text CHECK (queue ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$'),
    agent_group          text CHECK (agent_group ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$'),
    caller_id            text NOT NULL CHECK (caller_id ~ '^\+[1-9][0-9]{1,14}$'),
    -- Calling window in the callee's local time: [start, end) on the days of the bit mask
    -- (bit 0 Monday ... bit 6 Sunday).
    window_start         time NOT NULL,
    window_end           time NOT NULL,
    window_days          smallint NOT NULL CHECK (window_days BETWEEN 1 AND 127),
    -- Retry rules per outcome: the delay before the next attempt and the most attempts that may
    -- end with that outcome before the lead is finished.
    busy_delay_minutes      integer  NOT NULL CHECK (busy_delay_minutes BETWEEN 1 AND 43200),
    busy_max_attempts       smallint NOT NULL CHECK (busy_max_attempts BETWEEN 1 AND 50),
    no_answer_delay_minutes integer  NOT NULL CHECK (no_answer_delay_minutes BETWEEN 1 AND 43200),
    no_answer_max_attempts  smallint NOT NULL CHECK (no_answer_max_attempts BETWEEN 1 AND 50),
    machine_delay_minutes   integer  NOT NULL CHECK (machine_delay_minutes BETWEEN 1 AND 43200),
    machine_max_attempts    smallint NOT NULL CHECK (machine_max_attempts BETWEEN 1 AND 50),
    failed_delay_minutes    integer  NOT NULL CHECK (failed_delay_minutes BETWEEN 1 AND 43200),
    failed_max_attempts     smallint NOT NULL CHECK (failed_max_attempts BETWEEN 1 AND 50),
    max_attempts         smallint NOT NULL CHECK (max_attempts BETWEEN 1 AND 50),
    -- FCC 47 CFR 64.1200(a)(6) and Ofcom: an unanswered call rings at least 15 s.
    ring_limit_seconds   smallint NOT NULL CHECK (ring_limit_seconds BETWEEN 15 AND 120),
    abandon_rate_target  numeric(5, 4) NOT NULL
                         CHECK (abandon_rate_target > 0 AND abandon_rate_target <= 0.05),
    accounting           text NOT NULL CHECK (accounting IN ('us', 'uk')),
    -- The recording played to a person no agent takes within 2 s (name of an Asterisk sound).
    abandon_message      text NOT NULL
                         CHECK (abandon_message ~ '^[A-Za-z0-9][A-Za-z0-9_./-]{0,199}$'
                                AND abandon_message NOT LIKE '%..%'),
    amd_enabled          boolean NOT NULL,
    -- The operator's reasoned estimate of people AMD classes as machines (Ofcom counts them).
    amd_false_positive_estimate numeric(5, 4) NOT NULL DEFAULT 0
                         CHECK (amd_false_positive_estimate >= 0 AND amd_false_positive_estimate < 1),
    status               text NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft', 'running', 'paused', 'finished')),
    version              integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_by           bigint REFERENCES users (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT campaigns_target_check CHECK ((queue IS NULL) <> (agent_group IS NULL)),
    CONSTRAINT campaigns_window_check CHECK (window_start < window_end)
);
CREATE UNIQUE INDEX campaigns_name_key ON campaigns (lower(name));
CREATE INDEX campaigns_status_idx ON campaigns (status, id);

-- Numbers one campaign never dials, beside the CRM's do-not-call list that every campaign obeys.
CREATE TABLE campaign_exclusions (
    campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    e164        text NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{1,14}$'),
    reason      text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    added_by    bigint REFERENCES users (id),
    added_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT campaign_exclusions_pkey PRIMARY KEY (campaign_id, e164)
);

-- Lead lists and leads -------------------------------------------------------------------------

-- One list per CSV import.
CREATE TABLE lead_lists (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    rows_read   integer NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
    imported    integer NOT NULL DEFAULT 0 CHECK (imported >= 0),
    failed      integer NOT NULL DEFAULT 0 CHECK (failed >= 0),
    created_by  bigint REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lead_lists_counts_check CHECK (imported + failed <= rows_read),
    -- Lets leads check that their list belongs to their campaign.
    CONSTRAINT lead_lists_campaign_key UNIQUE (id, campaign_id)
);
CREATE INDEX lead_lists_campaign_idx ON lead_lists (campaign_id, id);

CREATE TABLE leads (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id     bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    lead_list_id    bigint NOT NULL,
    e164            text NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{1,14}$'),
    name            text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    external_id     text CHECK (length(external_id) BETWEEN 1 AND 64),
    -- The callee's IANA zone; null when the number spans several zones and the list named none
    -- (compliance then takes the most restrictive of the number's zones).
    time_zone       text CHECK (time_zone ~ '^[A-Za-z][A-Za-z0-9_+/-]{0,63}$'),
    customer_id     bigint REFERENCES customers (id),
    status          text NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'dialing', 'done')),
    final_state     text CHECK (final_state IN ('contacted', 'max_attempts', 'do_not_call',
                                                'excluded', 'cancelled')),
    attempts           integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    busy_attempts      integer NOT NULL DEFAULT 0 CHECK (busy_attempts >= 0),
    no_answer_attempts integer NOT NULL DEFAULT 0 CHECK (no_answer_attempts >= 0),
    machine_attempts   integer NOT NULL DEFAULT 0 CHECK (machine_attempts >= 0),
    failed_attempts    integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    abandoned_attempts integer NOT NULL DEFAULT 0 CHECK (abandoned_attempts >= 0),
    last_outcome    text CHECK (last_outcome IN ('answered', 'abandoned', 'machine', 'busy',
                                                 'no_answer', 'failed')),
    last_attempt_at timestamptz,
    -- When the lead may next be dialled; with callback it is a time the callee asked for.
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    callback        boolean NOT NULL DEFAULT false,
    -- Set while a runner holds the lead for a dial.
    reserved_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT leads_list_fk FOREIGN KEY (lead_list_id, campaign_id)
        REFERENCES lead_lists (id, campaign_id) ON DELETE CASCADE,
    CONSTRAINT leads_campaign_e164_key UNIQUE (campaign_id, e164),
    CONSTRAINT leads_done_check CHECK ((status = 'done') = (final_state IS NOT NULL)),
    CONSTRAINT leads_reserved_check CHECK ((status = 'dialing') = (reserved_at IS NOT NULL)),
    CONSTRAINT leads_outcome_counts_check
        CHECK (busy_attempts + no_answer_attempts + machine_attempts + failed_attempts
               + abandoned_attempts <= attempts),
    CONSTRAINT leads_last_attempt_check
        CHECK ((last_outcome IS NULL) = (last_attempt_at IS NULL)
               AND (last_outcome IS NULL OR attempts >= 1))
);
-- The next-leads query walks this index in order: due callbacks first, then by next attempt.
CREATE INDEX leads_due_idx ON leads (campaign_id, callback DESC, next_attempt_at, id)
    WHERE status = 'ready';
CREATE INDEX leads_campaign_idx ON leads (campaign_id, id);
CREATE INDEX leads_list_idx ON leads (lead_list_id, id);
CREATE INDEX leads_customer_idx ON leads (customer_id) WHERE customer_id IS NOT NULL;

-- Every dial of a lead, written by the runner. Records regulators may ask for: a campaign or lead
-- with attempts cannot be deleted (no cascade), only finished.
CREATE TABLE lead_attempts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id       bigint NOT NULL CONSTRAINT lead_attempts_lead_fk REFERENCES leads (id),
    campaign_id   bigint NOT NULL CONSTRAINT lead_attempts_campaign_fk REFERENCES campaigns (id),
    attempt       integer NOT NULL CHECK (attempt >= 1),
    started_at    timestamptz NOT NULL,
    answered_at   timestamptz,
    -- When the 2 s grace ran out and the abandon message began: the call counts as abandoned.
    abandoned_at  timestamptz,
    ended_at      timestamptz,
    outcome       text CHECK (outcome IN ('answered', 'abandoned', 'machine', 'busy',
                                          'no_answer', 'failed')),
    amd_verdict   text CHECK (amd_verdict IN ('human', 'machine', 'notsure', 'hangup')),
    reason        text NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
    agent_user_id bigint REFERENCES users (id),
    originate_id  text CHECK (length(originate_id) BETWEEN 1 AND 64),
    CONSTRAINT lead_attempts_number_key UNIQUE (lead_id, attempt),
    CONSTRAINT lead_attempts_ended_check
        CHECK ((outcome IS NULL) = (ended_at IS NULL) AND (ended_at IS NULL OR ended_at >= started_at)),
    CONSTRAINT lead_attempts_answered_check
        CHECK (answered_at IS NULL OR answered_at >= started_at),
    CONSTRAINT lead_attempts_abandoned_check
        CHECK ((abandoned_at IS NULL OR (answered_at IS NOT NULL AND abandoned_at >= answered_at))
               AND (outcome IS NULL OR (outcome = 'abandoned') = (abandoned_at IS NOT NULL))),
    CONSTRAINT lead_attempts_live_check
        CHECK (outcome IS NULL OR outcome NOT IN ('answered', 'abandoned') OR answered_at IS NOT NULL)
);
CREATE INDEX lead_attempts_lead_idx ON lead_attempts (lead_id, attempt);
CREATE INDEX lead_attempts_campaign_idx ON lead_attempts (campaign_id, started_at);

-- Leads the compliance check refused, with why and until when. A refusal moves the lead's next
-- attempt to the time it may be dialled (or finishes it), so a lead is logged once per refusal,
-- not once per look.
CREATE TABLE lead_skips (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id     bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    reason      text NOT NULL CHECK (reason IN ('do_not_call', 'excluded', 'outside_window',
                                                'no_common_window', 'unknown_time_zone',
                                                'recall_lock_abandoned', 'recall_lock_machine',
                                                'max_attempts', 'retry_delay')),
    detail      text NOT NULL CHECK (length(detail) BETWEEN 1 AND 1000),
    -- When the lead may be tried again; null when the refusal finished it.
    until       timestamptz CHECK (until > at)
);
CREATE INDEX lead_skips_lead_idx ON lead_skips (lead_id, id);

-- Re-call locks (Ofcom): after an abandoned call a number is not called again for 72 h, after an
-- AMD machine verdict for 24 h. Per number, across campaigns; a later lock extends an earlier one.
CREATE TABLE recall_locks (
    e164         text NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{1,14}$'),
    kind         text NOT NULL CHECK (kind IN ('abandoned', 'amd_machine')),
    campaign_id  bigint REFERENCES campaigns (id) ON DELETE SET NULL,
    attempt_id   bigint REFERENCES lead_attempts (id) ON DELETE SET NULL,
    locked_at    timestamptz NOT NULL,
    locked_until timestamptz NOT NULL,
    CONSTRAINT recall_locks_pkey PRIMARY KEY (e164, kind),
    CONSTRAINT recall_locks_length_check
        CHECK (locked_until >= locked_at + CASE kind WHEN 'abandoned' THEN interval '72 hours'
                                                    ELSE interval '24 hours' END)
);
CREATE INDEX recall_locks_until_idx ON recall_locks (locked_until);
