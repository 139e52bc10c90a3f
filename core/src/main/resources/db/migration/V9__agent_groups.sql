-- Agent groups (issue #6): a campaign's answered calls may go to a named group of agents instead
-- of a queue; the runner hands each call to the group's ready member idle longest. Existing
-- campaigns' group names become (empty) groups so that campaigns can refer to them.

CREATE TABLE agent_groups (
    name        text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$'),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agent_group_members (
    group_name text NOT NULL REFERENCES agent_groups (name) ON DELETE CASCADE,
    user_id    bigint NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_name, user_id)
);
-- A user's groups (and the foreign key's lookups when a user is deleted).
CREATE INDEX agent_group_members_user_idx ON agent_group_members (user_id);

INSERT INTO agent_groups (name)
SELECT DISTINCT agent_group FROM campaigns WHERE agent_group IS NOT NULL;

-- A group a campaign dials for cannot be deleted (409), nor a campaign name an unknown group.
ALTER TABLE campaigns ADD CONSTRAINT campaigns_agent_group_fkey
    FOREIGN KEY (agent_group) REFERENCES agent_groups (name);
CREATE INDEX campaigns_agent_group_idx ON campaigns (agent_group) WHERE agent_group IS NOT NULL;
