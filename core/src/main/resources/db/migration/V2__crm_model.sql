-- The CRM model a contact center lives in (issue #4): classification through a data dictionary,
-- a region hierarchy, the customer's basic information, tags, addresses, anniversaries,
-- relationships between customers, notes, tickets with their work records, disposition codes,
-- callbacks extended, the do-not-call list, an interactions timeline and the audit log.
-- Applied migrations are never edited: every change is a new V<n>__<what>.sql.

-- Trigram indexes make name and phone-fragment search use an index (trusted extension: the
-- database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Data dictionary ---------------------------------------------------------------------------------

-- The classification values the CRM offers, per category. Codes are stable keys other tables
-- point at; a value that is no longer offered is deactivated, never deleted.
CREATE TABLE dictionary_entries (
    category   text NOT NULL CHECK (category IN ('customer_type', 'value_tier',
                                                 'relationship_role', 'anniversary_kind')),
    code       text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
    label      text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    sort_order integer NOT NULL DEFAULT 0,
    active     boolean NOT NULL DEFAULT true,
    PRIMARY KEY (category, code)
);

INSERT INTO dictionary_entries (category, code, label, sort_order) VALUES
    ('customer_type', 'direct', 'Direct customer', 10),
    ('customer_type', 'partner', 'Partner', 20),
    ('customer_type', 'supplier', 'Supplier', 30),
    ('customer_type', 'reseller', 'Reseller / agent', 40),
    ('value_tier', 'a', 'A: key account', 10),
    ('value_tier', 'b', 'B: regular', 20),
    ('value_tier', 'c', 'C: occasional', 30),
    ('relationship_role', 'buyer', 'Buyer', 10),
    ('relationship_role', 'payer', 'Payer', 20),
    ('relationship_role', 'receiver', 'Receiver', 30),
    ('relationship_role', 'channel_dealer', 'Channel dealer', 40),
    ('anniversary_kind', 'wedding', 'Wedding anniversary', 10),
    ('anniversary_kind', 'founding', 'Company founding day', 20),
    ('anniversary_kind', 'first_order', 'First order', 30),
    ('anniversary_kind', 'other', 'Other', 90);

-- Regions: region > province > city > district --------------------------------------------------

CREATE TABLE regions (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id bigint REFERENCES regions (id),
    level     text NOT NULL CHECK (level IN ('region', 'province', 'city', 'district')),
    name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    CHECK ((level = 'region') = (parent_id IS NULL))
);
CREATE UNIQUE INDEX regions_sibling_name_key ON regions (coalesce(parent_id, 0), lower(name));
CREATE INDEX regions_parent_idx ON regions (parent_id);

-- A region's parent is always exactly one level up, so that "a region and everything in it" is a
-- well-formed tree.
CREATE FUNCTION regions_check_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent_level text;
    expected     text;
BEGIN
    IF NEW.parent_id IS NULL THEN
        RETURN NEW;
    END IF;
    expected := CASE NEW.level WHEN 'province' THEN 'region'
                               WHEN 'city' THEN 'province'
                               WHEN 'district' THEN 'city' END;
    SELECT level INTO parent_level FROM regions WHERE id = NEW.parent_id;
    IF parent_level IS NOT NULL AND parent_level IS DISTINCT FROM expected THEN
        RAISE EXCEPTION 'a % must sit under a %, not a %', NEW.level, expected, parent_level
            USING ERRCODE = '23514', CONSTRAINT = 'regions_parent_level_check';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER regions_check_parent BEFORE INSERT OR UPDATE ON regions
    FOR EACH ROW EXECUTE FUNCTION regions_check_parent();

-- Customers: classification and basic information -------------------------------------------------

-- Classification columns point at the dictionary through a composite key; the category column is
-- a constant so that a customer type can only be a customer_type entry.
ALTER TABLE customers
    ADD COLUMN customer_type      text,
    ADD COLUMN customer_type_cat  text NOT NULL DEFAULT 'customer_type'
                                  CHECK (customer_type_cat = 'customer_type'),
    ADD COLUMN value_tier         text,
    ADD COLUMN value_tier_cat     text NOT NULL DEFAULT 'value_tier'
                                  CHECK (value_tier_cat = 'value_tier'),
    ADD COLUMN region_id          bigint CONSTRAINT customers_region_fk REFERENCES regions (id),
    ADD COLUMN gold_member        boolean NOT NULL DEFAULT false,
    ADD COLUMN email              text NOT NULL DEFAULT '' CHECK (length(email) <= 254),
    ADD COLUMN website            text NOT NULL DEFAULT '' CHECK (length(website) <= 500),
    ADD COLUMN fax_e164           text CHECK (fax_e164 ~ '^\+[1-9][0-9]{1,14}$'),
    ADD COLUMN main_products      text NOT NULL DEFAULT '' CHECK (length(main_products) <= 2000),
    ADD COLUMN birthday           date,
    ADD COLUMN created_by         bigint CONSTRAINT customers_created_by_fk REFERENCES users (id),
    ADD COLUMN version            integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT customers_customer_type_fk FOREIGN KEY (customer_type_cat, customer_type)
        REFERENCES dictionary_entries (category, code),
    ADD CONSTRAINT customers_value_tier_fk FOREIGN KEY (value_tier_cat, value_tier)
        REFERENCES dictionary_entries (category, code),
    ADD CONSTRAINT customers_notes_length CHECK (length(notes) <= 10000);

CREATE INDEX customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_created_idx ON customers (created_at, id);
CREATE INDEX customers_region_idx ON customers (region_id);
CREATE INDEX customers_owner_idx ON customers (owner_user_id);
CREATE INDEX customers_type_idx ON customers (customer_type);

CREATE TABLE customer_tags (
    customer_id bigint NOT NULL REFERENCES customers (id),
    tag         text NOT NULL CHECK (tag ~ '^[^,\s][^,]{0,39}$'),
    PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tags_tag_idx ON customer_tags (tag);

CREATE TABLE customer_addresses (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    label       text NOT NULL DEFAULT 'main' CHECK (length(label) BETWEEN 1 AND 40),
    line        text NOT NULL CHECK (length(line) BETWEEN 1 AND 500),
    region_id   bigint CONSTRAINT customer_addresses_region_fk REFERENCES regions (id),
    postal_code text NOT NULL DEFAULT '' CHECK (length(postal_code) <= 20)
);
CREATE INDEX customer_addresses_customer_idx ON customer_addresses (customer_id);

CREATE TABLE customer_anniversaries (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    kind        text NOT NULL,
    kind_cat    text NOT NULL DEFAULT 'anniversary_kind' CHECK (kind_cat = 'anniversary_kind'),
    day         date NOT NULL,
    note        text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    CONSTRAINT customer_anniversaries_kind_fk FOREIGN KEY (kind_cat, kind)
        REFERENCES dictionary_entries (category, code)
);
CREATE INDEX customer_anniversaries_customer_idx ON customer_anniversaries (customer_id);

-- Contacts and phone numbers ----------------------------------------------------------------------

ALTER TABLE contacts
    ADD CONSTRAINT contacts_field_lengths CHECK (length(title) <= 200 AND length(email) <= 254);

ALTER TABLE phone_numbers
    ADD CONSTRAINT phone_numbers_label_check CHECK (length(label) BETWEEN 1 AND 40),
    ADD CONSTRAINT phone_numbers_as_entered_check CHECK (length(as_entered) BETWEEN 1 AND 64);
CREATE UNIQUE INDEX phone_numbers_customer_e164_key ON phone_numbers (customer_id, e164)
    WHERE customer_id IS NOT NULL;
CREATE UNIQUE INDEX phone_numbers_contact_e164_key ON phone_numbers (contact_id, e164)
    WHERE contact_id IS NOT NULL;
-- A fragment of a number ("0013", "8000") found anywhere in it.
CREATE INDEX phone_numbers_e164_trgm_idx ON phone_numbers USING gin (e164 gin_trgm_ops);

-- Relationships between customers -----------------------------------------------------------------

-- "from works for to", "from holds to", person to person, or a trade role (buyer, payer,
-- receiver, channel dealer) that "from" plays for "to".
CREATE TABLE customer_relationships (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_customer_id bigint NOT NULL CONSTRAINT customer_relationships_from_fk
                     REFERENCES customers (id),
    to_customer_id   bigint NOT NULL CONSTRAINT customer_relationships_to_fk
                     REFERENCES customers (id),
    kind             text NOT NULL CHECK (kind IN ('works_for', 'holds', 'person_to_person',
                                                   'trade')),
    role             text,
    role_cat         text NOT NULL DEFAULT 'relationship_role'
                     CHECK (role_cat = 'relationship_role'),
    note             text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (from_customer_id <> to_customer_id),
    CHECK ((kind = 'trade') = (role IS NOT NULL)),
    CONSTRAINT customer_relationships_role_fk FOREIGN KEY (role_cat, role)
        REFERENCES dictionary_entries (category, code)
);
CREATE UNIQUE INDEX customer_relationships_key
    ON customer_relationships (from_customer_id, to_customer_id, kind, coalesce(role, ''));
CREATE INDEX customer_relationships_to_idx ON customer_relationships (to_customer_id);
