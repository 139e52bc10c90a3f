-- Security: when a user's password last changed and when they last logged in, for the admin's
-- user list and for password-age rules. Tokens and failed-login counters live in Redis (they
-- expire by themselves); the audit log is created with the CRM tables in V2.

ALTER TABLE users
    ADD COLUMN password_changed_at timestamptz,
    ADD COLUMN last_login_at       timestamptz;

UPDATE users SET password_changed_at = updated_at WHERE password_hash IS NOT NULL;
