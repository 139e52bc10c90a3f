-- Switchboard foundation schema: users and roles, customers with contacts and phone numbers,
-- call logs and their legs, agent state history, callbacks.
-- Applied migrations are never edited: every change is a new V<n>__<what>.sql.

-- Users and roles ---------------------------------------------------------------------------

CREATE TABLE roles (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z][a-z_]{1,31}$'),
    description text NOT NULL
);

INSERT INTO roles (name, description) VALUES
    ('admin',      'Manages users, settings and data; the only role that deletes'),
    ('supervisor', 'Watches queues and agents, listens, whispers, barges, runs campaigns'),
    ('agent',      'Takes and makes calls, works customer records assigned to them');

CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL CHECK (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash text,
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE user_roles (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    text   NOT NULL REFERENCES roles (name),
    PRIMARY KEY (user_id, role)
);

-- Customers, contacts, phone numbers ---------------------------------------------------------

CREATE TABLE customers (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('organization', 'individual')),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    owner_user_id bigint REFERENCES users (id),
    vip           boolean NOT NULL DEFAULT false,
    notes         text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz
);
CREATE INDEX customers_name_idx ON customers (lower(name)) WHERE deleted_at IS NULL;

-- People at an organisation customer.
CREATE TABLE contacts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    title       text NOT NULL DEFAULT '',
    email       text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
CREATE INDEX contacts_customer_idx ON contacts (customer_id);

-- Any number of numbers per customer or contact, stored in E.164 so that a caller ID in any
-- usual format finds its owner; the number as entered is kept beside it.
CREATE TABLE phone_numbers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint REFERENCES customers (id),
    contact_id  bigint REFERENCES contacts (id),
    e164        text NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{1,14}$'),
    as_entered  text NOT NULL,
    label       text NOT NULL DEFAULT 'main',
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((customer_id IS NULL) <> (contact_id IS NULL))
);
CREATE INDEX phone_numbers_e164_idx ON phone_numbers (e164);
CREATE INDEX phone_numbers_customer_idx ON phone_numbers (customer_id);
CREATE INDEX phone_numbers_contact_idx ON phone_numbers (contact_id);

-- Call logs ------------------------------------------------------------------------------------

-- One row per call, written once when the call ends. A call is identified by the PBX server it
-- ran on and its Asterisk Linkedid; the unique key makes a repeated write a no-op.
CREATE TABLE call_logs (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    server_id      text NOT NULL CHECK (length(server_id) BETWEEN 1 AND 32),
    linked_id      text NOT NULL CHECK (length(linked_id) BETWEEN 1 AND 64),
    direction      text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
    caller_number  text NOT NULL DEFAULT '',
    caller_name    text NOT NULL DEFAULT '',
    dialled_number text NOT NULL DEFAULT '',
    queue          text,
    customer_id    bigint REFERENCES customers (id),
    agent_user_id  bigint REFERENCES users (id),
    originate_id   text,
    started_at     timestamptz NOT NULL,
    queued_at      timestamptz,
    answered_at    timestamptz,
    ended_at       timestamptz NOT NULL,
    wait_ms        bigint NOT NULL DEFAULT 0 CHECK (wait_ms >= 0),
    talk_ms        bigint NOT NULL DEFAULT 0 CHECK (talk_ms >= 0),
    hold_ms        bigint NOT NULL DEFAULT 0 CHECK (hold_ms >= 0),
    outcome        text NOT NULL CHECK (outcome IN ('answered', 'abandoned', 'no_answer', 'busy',
                                                    'congestion', 'failed', 'machine')),
    hangup_cause   integer,
    hangup_by      text CHECK (hangup_by IN ('caller', 'agent', 'system')),
    recording_file text,
    disposition    text,
    notes          text NOT NULL DEFAULT '',
    reconciled     boolean NOT NULL DEFAULT false,
    written_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT call_logs_server_linked_key UNIQUE (server_id, linked_id),
    CHECK (ended_at >= started_at)
);
CREATE INDEX call_logs_started_idx ON call_logs (started_at);
CREATE INDEX call_logs_customer_idx ON call_logs (customer_id, started_at);
CREATE INDEX call_logs_agent_idx ON call_logs (agent_user_id, started_at);

-- The channels of a call: the caller's, each agent rung, transfer targets.
CREATE TABLE call_log_legs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_log_id  bigint NOT NULL REFERENCES call_logs (id) ON DELETE CASCADE,
    unique_id    text NOT NULL,
    channel      text NOT NULL,
    role         text NOT NULL CHECK (role IN ('caller', 'agent', 'transfer', 'other')),
    agent_user_id bigint REFERENCES users (id),
    rang_at      timestamptz,
    answered_at  timestamptz,
    ended_at     timestamptz,
    hangup_cause integer,
    CONSTRAINT call_log_legs_unique_key UNIQUE (call_log_id, unique_id)
);

-- Agent state history --------------------------------------------------------------------------

-- Every state an agent was in, with its times, for performance reports. The open row of an
-- agent has no ended_at.
CREATE TABLE agent_state_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id),
    state      text NOT NULL CHECK (state IN ('logged_out', 'ready', 'paused', 'ringing',
                                              'on_call', 'wrap_up')),
    reason     text,
    queues     text[] NOT NULL DEFAULT '{}',
    started_at timestamptz NOT NULL,
    ended_at   timestamptz,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX agent_state_history_user_idx ON agent_state_history (user_id, started_at);
CREATE UNIQUE INDEX agent_state_history_open_key ON agent_state_history (user_id)
    WHERE ended_at IS NULL;

-- Callbacks --------------------------------------------------------------------------------------

CREATE TABLE callbacks (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id      bigint REFERENCES customers (id),
    phone_e164       text NOT NULL CHECK (phone_e164 ~ '^\+[1-9][0-9]{1,14}$'),
    due_at           timestamptz NOT NULL,
    assigned_user_id bigint REFERENCES users (id),
    assigned_queue   text,
    reason           text NOT NULL DEFAULT '',
    status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'in_progress', 'done', 'cancelled', 'missed')),
    outcome          text,
    call_log_id      bigint REFERENCES call_logs (id),
    created_by       bigint REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz,
    CHECK (assigned_user_id IS NOT NULL OR assigned_queue IS NOT NULL)
);
CREATE INDEX callbacks_due_idx ON callbacks (status, due_at);
CREATE INDEX callbacks_customer_idx ON callbacks (customer_id);
