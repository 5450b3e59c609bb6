-- M2M applications and the keys that sign their access tokens. One script for H2 and PostgreSQL.

-- An application's client secret is kept only as its Argon2id hash; secret_version counts its rolls,
-- and every token carries the version it was issued under.
create table applications (
    id             varchar(32)  not null primary key,
    name           varchar(128) not null,
    org_code       varchar(64),
    secret_hash    varchar(256) not null,
    secret_version bigint       not null,
    created_on     timestamp with time zone not null,
    created_by     varchar(128) not null,
    made_by        varchar(40),
    expires_on     timestamp with time zone
);

create index applications_org_idx on applications (org_code, id);

-- The APIs an application may ask tokens for, and the scopes granted to it there. Deleting an API
-- or a scope takes it out of every application.
create table application_apis (
    application_id varchar(32) not null references applications (id) on delete cascade,
    api_id         varchar(36) not null references apis (id) on delete cascade,
    primary key (application_id, api_id)
);

create table application_scopes (
    application_id varchar(32) not null references applications (id) on delete cascade,
    scope_id       varchar(42) not null references api_scopes (id) on delete cascade,
    primary key (application_id, scope_id)
);

create index application_apis_api_idx on application_apis (api_id);
create index application_scopes_scope_idx on application_scopes (scope_id);

-- Keys that sign access tokens, as JSON Web Keys. The newest one not retired signs; a retired key
-- stays published until the last token it signed has expired.
create table signing_keys (
    kid         varchar(64)   not null primary key,
    public_jwk  varchar(4096) not null,
    private_jwk varchar(8192) not null,
    created_on  timestamp with time zone not null,
    retired_on  timestamp with time zone
);
