-- Call tracking details written beside each call_logs row by the AMI bridge's call log: the
-- agents a queue rang (with ring time and result), the transfers, when the call left its queue,
-- the originate result, answering-machine detection and the queue member who took the call.
-- Applied migrations are never edited: every change is a new V<n>__<what>.sql.

ALTER TABLE call_logs
    ADD COLUMN call_id           text,
    ADD COLUMN queue_left_at     timestamptz,
    ADD COLUMN agent_interface   text,
    ADD COLUMN agent_member_name text,
    ADD COLUMN originate_reason  integer,
    ADD COLUMN amd_status        text,
    ADD COLUMN amd_cause         text,
    ADD COLUMN recorded          boolean NOT NULL DEFAULT false;

-- The dialer finds the call log of its originate by the id it gave.
CREATE INDEX call_logs_originate_idx ON call_logs (originate_id) WHERE originate_id IS NOT NULL;

-- Every agent a queue rang for a call, in order.
CREATE TABLE call_log_offers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_log_id     bigint NOT NULL REFERENCES call_logs (id) ON DELETE CASCADE,
    seq             integer NOT NULL CHECK (seq >= 0),
    queue           text NOT NULL,
    member_name     text NOT NULL DEFAULT '',
    agent_interface text NOT NULL DEFAULT '',
    unique_id       text NOT NULL,
    channel         text NOT NULL DEFAULT '',
    offered_at      timestamptz NOT NULL,
    ring_ms         bigint NOT NULL DEFAULT 0 CHECK (ring_ms >= 0),
    result          text NOT NULL CHECK (result IN ('connected', 'no_answer', 'answered_elsewhere',
                                                    'caller_left', 'rejected', 'cancelled')),
    CONSTRAINT call_log_offers_seq_key UNIQUE (call_log_id, seq)
);
CREATE INDEX call_log_offers_interface_idx ON call_log_offers (agent_interface, offered_at);

-- Every transfer of a call, in order.
CREATE TABLE call_log_transfers (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_log_id        bigint NOT NULL REFERENCES call_logs (id) ON DELETE CASCADE,
    seq                integer NOT NULL CHECK (seq >= 0),
    kind               text NOT NULL CHECK (kind IN ('blind', 'attended')),
    transferred_at     timestamptz NOT NULL,
    transferer_channel text NOT NULL DEFAULT '',
    target             text NOT NULL DEFAULT '',
    success            boolean NOT NULL,
    CONSTRAINT call_log_transfers_seq_key UNIQUE (call_log_id, seq)
);
