-- Call wrap-ups from the live console (issue #5): which agent handled a call, and the disposition
-- code and notes the agent gave it. The console may send a wrap-up before or after the AMI bridge
-- writes the call's call_logs row (written asynchronously once the call ended), so the wrap-up is
-- kept here, keyed like call_logs, and copied onto the call log by whichever writer comes second:
-- the console updates a call log that exists; the call log writer applies a waiting wrap-up in
-- the transaction that inserts the row. Both writers take lock_call_wrapup first, so the second
-- one always sees what the first committed.
-- Applied migrations are never edited: every change is a new V<n>__<what>.sql.

CREATE TABLE call_wrapups (
    server_id           text NOT NULL CHECK (length(server_id) BETWEEN 1 AND 32),
    linked_id           text NOT NULL CHECK (length(linked_id) BETWEEN 1 AND 64),
    -- The agent who handled the call; recorded when an answered call ends, with or without a
    -- disposition, so that reports per agent count every call.
    agent_user_id       bigint CONSTRAINT call_wrapups_agent_fk REFERENCES users (id),
    customer_id         bigint CONSTRAINT call_wrapups_customer_fk REFERENCES customers (id),
    disposition         text CONSTRAINT call_wrapups_disposition_fk
                        REFERENCES disposition_codes (code),
    notes               text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    -- The customer's call_dispositions row of this wrap-up (the timeline entry), updated in place
    -- when the wrap-up is sent again.
    call_disposition_id bigint CONSTRAINT call_wrapups_call_disposition_fk
                        REFERENCES call_dispositions (id),
    wrapped_up_by       bigint CONSTRAINT call_wrapups_wrapped_up_by_fk REFERENCES users (id),
    wrapped_up_at       timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (server_id, linked_id),
    CONSTRAINT call_wrapups_given_together
        CHECK ((disposition IS NULL) = (wrapped_up_at IS NULL)
               AND (disposition IS NULL) = (wrapped_up_by IS NULL))
);

-- A console names a call by its Linkedid alone (agent states and screen pops carry no server id);
-- these find its server.
CREATE INDEX call_wrapups_linked_idx ON call_wrapups (linked_id);
CREATE INDEX call_logs_linked_idx ON call_logs (linked_id);

-- The lock both writers of a call's wrap-up take first in their transaction (it is released when
-- the transaction ends). A two-key advisory lock of class 6 (this migration's number): the two-key
-- space does not overlap the one-key locks others take (Flyway's).
CREATE FUNCTION lock_call_wrapup(p_server_id text, p_linked_id text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(6, hashtext(p_server_id || '/' || p_linked_id));
    RETURN true;
END $$;

-- Copies a call's wrap-up onto its call log when both exist, and links the wrap-up's disposition
-- to the call log. True when both existed (the call log was updated).
CREATE FUNCTION apply_call_wrapup(p_server_id text, p_linked_id text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    log_id         bigint;
    disposition_id bigint;
BEGIN
    UPDATE call_logs c
       SET agent_user_id = coalesce(w.agent_user_id, c.agent_user_id),
           customer_id   = coalesce(w.customer_id, c.customer_id),
           disposition   = coalesce(w.disposition, c.disposition),
           notes         = CASE WHEN w.disposition IS NULL THEN c.notes ELSE w.notes END
      FROM call_wrapups w
     WHERE c.server_id = p_server_id AND c.linked_id = p_linked_id
       AND w.server_id = p_server_id AND w.linked_id = p_linked_id
    RETURNING c.id, w.call_disposition_id INTO log_id, disposition_id;
    IF log_id IS NULL THEN
        RETURN false;
    END IF;
    UPDATE call_dispositions SET call_log_id = log_id
     WHERE id = disposition_id AND call_log_id IS NULL;
    RETURN true;
END $$;
