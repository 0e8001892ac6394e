-- People who sign in (form login or OpenID Connect) and the systems that call with API keys.
-- roles and jurisdictions are comma-separated lists; jurisdictions "*" means every jurisdiction.

CREATE TABLE app_user (
    id              UUID PRIMARY KEY,
    version         BIGINT       NOT NULL,
    username        VARCHAR(100) NOT NULL,
    password_hash   VARCHAR(200),            -- BCrypt; NULL for a user who signs in only through OpenID Connect
    roles           VARCHAR(500) NOT NULL,
    jurisdictions   VARCHAR(1000) NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    failed_logins   INTEGER      NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX app_user_username ON app_user (username);

-- API keys: only a SHA-256 hash of the secret is kept; the key itself is shown once, when it is created.
CREATE TABLE api_key (
    id              UUID PRIMARY KEY,
    version         BIGINT       NOT NULL,
    name            VARCHAR(200) NOT NULL,
    key_prefix      VARCHAR(32)  NOT NULL,
    secret_hash     VARCHAR(64)  NOT NULL,
    scopes          VARCHAR(500) NOT NULL,
    jurisdictions   VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100),
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      VARCHAR(100),
    last_used_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX api_key_prefix ON api_key (key_prefix);

-- Every read or export of a person's personal data (152-ФЗ): who, when, which record.
CREATE TABLE personal_data_access (
    id            UUID PRIMARY KEY,
    accessed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    action        VARCHAR(20)  NOT NULL,
    record_kind   VARCHAR(30)  NOT NULL,
    record_id     UUID         NOT NULL,
    jurisdiction  VARCHAR(64)  NOT NULL
);
CREATE INDEX personal_data_access_record ON personal_data_access (record_id, accessed_at);
CREATE INDEX personal_data_access_time ON personal_data_access (accessed_at);

-- Rule-set drafts and publications (four eyes: the approver is never the author). A published version's files
-- overlay the rule directory for its jurisdiction on every instance until it is rolled back or superseded.
CREATE TABLE rule_set_version (
    id            UUID PRIMARY KEY,
    version       BIGINT       NOT NULL,
    jurisdiction  VARCHAR(64)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,   -- DRAFT, PUBLISHED, SUPERSEDED, ROLLED_BACK, WITHDRAWN
    files         VARCHAR      NOT NULL,   -- JSON object: file name -> content
    comment       VARCHAR(2000),
    author        VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    check_result  VARCHAR,                 -- JSON array of compile problems of the last check
    approver      VARCHAR(100),
    published_at  TIMESTAMP WITH TIME ZONE,
    rolled_back_at TIMESTAMP WITH TIME ZONE,
    rolled_back_by VARCHAR(100)
);
CREATE INDEX rule_set_version_jurisdiction ON rule_set_version (jurisdiction, status, published_at);
