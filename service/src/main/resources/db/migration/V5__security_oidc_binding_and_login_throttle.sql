-- OpenID Connect: a user is bound to the identity provider's account (issuer + subject) on the first sign-in through
-- it; a later sign-in with the same user name but another issuer or subject is refused.
ALTER TABLE app_user ADD COLUMN oidc_issuer VARCHAR(500);
ALTER TABLE app_user ADD COLUMN oidc_subject VARCHAR(255);
CREATE UNIQUE INDEX app_user_oidc_identity ON app_user (oidc_issuer, oidc_subject);

-- The login throttle, per user name — existing or not, so that an unknown name behaves exactly like a known one.
-- The key is the SHA-256 (hex) of the user name as typed: nothing a person typed (often a password by mistake) is
-- stored as such. Every attempt is counted before the password is checked, a successful login deletes the row.
CREATE TABLE login_failure (
    username_hash  VARCHAR(64) PRIMARY KEY,
    failed_logins  INTEGER     NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_updated ON login_failure (updated_at);

-- The per-account counters move to login_failure.
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN locked_until;
