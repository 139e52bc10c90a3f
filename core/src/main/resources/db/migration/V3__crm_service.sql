-- The service side of the CRM (issue #4): notes, tickets with their enforced status flow and
-- work records, disposition codes, callbacks extended, the do-not-call list, the interactions
-- timeline and the audit log.
-- Applied migrations are never edited: every change is a new V<n>__<what>.sql.

-- Notes ---------------------------------------------------------------------------------------------

CREATE TABLE customer_notes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    user_id     bigint REFERENCES users (id),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_notes_customer_idx ON customer_notes (customer_id, created_at);

-- Dispositions --------------------------------------------------------------------------------------

CREATE TABLE disposition_codes (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
    label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    final       boolean NOT NULL DEFAULT true,
    active      boolean NOT NULL DEFAULT true
);

INSERT INTO disposition_codes (code, label, final) VALUES
    ('sale', 'Sale', true),
    ('not_interested', 'Not interested', true),
    ('callback_requested', 'Callback requested', false),
    ('wrong_number', 'Wrong number', true),
    ('do_not_call', 'Do not call', true),
    ('information_given', 'Information given', true);

-- The outcome an agent recorded for a customer, usually for one call.
CREATE TABLE call_dispositions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    call_log_id bigint CONSTRAINT call_dispositions_call_fk REFERENCES call_logs (id),
    code        text NOT NULL CONSTRAINT call_dispositions_code_fk
                REFERENCES disposition_codes (code),
    note        text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    user_id     bigint REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX call_dispositions_customer_idx ON call_dispositions (customer_id, created_at);

-- Tickets: complaint, suggestion, service request ---------------------------------------------------

CREATE TABLE tickets (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id          bigint NOT NULL CONSTRAINT tickets_customer_fk REFERENCES customers (id),
    contact_id           bigint CONSTRAINT tickets_contact_fk REFERENCES contacts (id),
    kind                 text NOT NULL CHECK (kind IN ('complaint', 'suggestion',
                                                       'service_request')),
    subject              text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    description          text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    priority             text NOT NULL DEFAULT 'normal'
                         CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status               text NOT NULL DEFAULT 'new'
                         CHECK (status IN ('new', 'assigned', 'in_progress', 'resolved',
                                           'closed')),
    assignee_user_id     bigint CONSTRAINT tickets_assignee_fk REFERENCES users (id),
    call_log_id          bigint CONSTRAINT tickets_call_fk REFERENCES call_logs (id),
    created_by           bigint REFERENCES users (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    assigned_at          timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    satisfaction         smallint CHECK (satisfaction BETWEEN 1 AND 5),
    satisfaction_comment text NOT NULL DEFAULT '' CHECK (length(satisfaction_comment) <= 2000),
    CONSTRAINT tickets_assignee_required CHECK (status = 'new' OR assignee_user_id IS NOT NULL),
    CONSTRAINT tickets_satisfaction_when_done
        CHECK (satisfaction IS NULL OR status IN ('resolved', 'closed'))
);
CREATE INDEX tickets_customer_idx ON tickets (customer_id, created_at);
CREATE INDEX tickets_open_idx ON tickets (status, assignee_user_id) WHERE status <> 'closed';

-- The status moves one step at a time: new -> assigned -> in_progress -> resolved -> closed. The
-- repository checks this first for a clear answer; the trigger keeps any other writer honest.
CREATE FUNCTION tickets_check_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
            ('new', 'assigned'), ('assigned', 'in_progress'), ('in_progress', 'resolved'),
            ('resolved', 'closed')) THEN
        RAISE EXCEPTION 'a ticket cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = '23514', CONSTRAINT = 'tickets_status_transition';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER tickets_check_transition BEFORE UPDATE OF status ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_check_transition();

CREATE TABLE ticket_work_records (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  bigint NOT NULL REFERENCES tickets (id),
    user_id    bigint REFERENCES users (id),
    note       text NOT NULL CHECK (length(note) BETWEEN 1 AND 5000),
    minutes    integer NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 10000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_work_records_ticket_idx ON ticket_work_records (ticket_id, created_at);

-- Callbacks, extended -------------------------------------------------------------------------------

ALTER TABLE callbacks
    ADD COLUMN contact_id bigint CONSTRAINT callbacks_contact_fk REFERENCES contacts (id),
    ADD COLUMN priority   smallint NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 9),
    ADD COLUMN attempts   integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    ADD CONSTRAINT callbacks_text_lengths
        CHECK (length(reason) <= 1000 AND length(coalesce(outcome, '')) <= 1000
               AND length(coalesce(assigned_queue, '')) <= 80);
-- One open callback per number: a second request while one is pending is a duplicate (the
-- duplicate-callback bug users report of other systems).
CREATE UNIQUE INDEX callbacks_open_phone_key ON callbacks (phone_e164)
    WHERE status IN ('pending', 'in_progress');
CREATE INDEX callbacks_customer_created_idx ON callbacks (customer_id, created_at);
CREATE INDEX callbacks_agent_idx ON callbacks (assigned_user_id, status, due_at);

-- Do-not-call list ----------------------------------------------------------------------------------

CREATE TABLE do_not_call (
    e164       text PRIMARY KEY CHECK (e164 ~ '^\+[1-9][0-9]{1,14}$'),
    reason     text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    added_by   bigint REFERENCES users (id),
    added_at   timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz,
    CHECK (expires_at IS NULL OR expires_at > added_at)
);

-- Interactions timeline -----------------------------------------------------------------------------

-- Everything that happened with a customer, newest first when ordered by at: calls, notes,
-- callbacks, tickets and dispositions. Each branch has an index on (customer_id, time) so that a
-- page of the timeline is a merge of index scans.
CREATE VIEW customer_interactions AS
    SELECT customer_id, started_at AS at, 'call'::text AS kind, id AS ref_id,
           agent_user_id AS user_id, direction || ' ' || outcome AS summary
      FROM call_logs WHERE customer_id IS NOT NULL
    UNION ALL
    SELECT customer_id, created_at, 'note', id, user_id, left(body, 200)
      FROM customer_notes
    UNION ALL
    SELECT customer_id, created_at, 'callback', id, created_by,
           coalesce(nullif(reason, ''), 'callback') || ' (' || status || ')'
      FROM callbacks WHERE customer_id IS NOT NULL
    UNION ALL
    SELECT customer_id, created_at, 'ticket', id, created_by,
           kind || ': ' || subject || ' (' || status || ')'
      FROM tickets
    UNION ALL
    SELECT customer_id, created_at, 'disposition', id, user_id,
           code || CASE WHEN note = '' THEN '' ELSE ': ' || left(note, 180) END
      FROM call_dispositions;

-- Audit log -----------------------------------------------------------------------------------------

-- Who read or changed what, when, with the record before and after. Written in the same
-- transaction as the change it records. No foreign key to users: the trail outlives accounts.
CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    user_id   bigint,
    action    text NOT NULL CHECK (action ~ '^[a-z][a-z_]{1,31}$'),
    entity    text NOT NULL CHECK (length(entity) BETWEEN 1 AND 40),
    entity_id text,
    detail    text NOT NULL DEFAULT '' CHECK (length(detail) <= 200),
    before    jsonb,
    after     jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
