-- Keygate's schema. One script for H2 and PostgreSQL: only types and syntax both understand.

create table organizations (
    code        varchar(64)  not null primary key,
    name        varchar(128) not null,
    created_on  timestamp with time zone not null
);

create table users (
    id          varchar(64)  not null primary key,
    name        varchar(128) not null,
    email       varchar(254),
    created_on  timestamp with time zone not null
);

create table apis (
    id          varchar(36)  not null primary key,
    name        varchar(64)  not null,
    audience    varchar(64)  not null,
    created_on  timestamp with time zone not null,
    constraint apis_audience_unique unique (audience)
);

create table api_scopes (
    id          varchar(42)  not null primary key,
    api_id      varchar(36)  not null references apis (id) on delete cascade,
    scope_key   varchar(64)  not null,
    description varchar(256) not null,
    constraint api_scopes_key_unique unique (api_id, scope_key)
);

create table api_keys (
    id                 varchar(40)  not null primary key,
    name               varchar(128) not null,
    owner_type         varchar(16)  not null,
    owner_id           varchar(64)  not null,
    api_id             varchar(36)  not null references apis (id),
    status             varchar(16)  not null,
    created_on         timestamp with time zone not null,
    created_by         varchar(128) not null,
    expires_on         timestamp with time zone,
    revoked_on         timestamp with time zone,
    -- usage is written only by the write-behind recorder, as increments
    last_verified_on   timestamp with time zone,
    last_verified_ip   varchar(64),
    verification_count bigint       not null default 0,
    version            bigint       not null
);

-- the list filters, each ending in id for keyset pagination
create index api_keys_owner_idx  on api_keys (owner_type, owner_id, id);
create index api_keys_api_idx    on api_keys (api_id, id);
create index api_keys_status_idx on api_keys (status, id);

create table api_key_scopes (
    api_key_id varchar(40) not null references api_keys (id) on delete cascade,
    scope_id   varchar(42) not null references api_scopes (id) on delete cascade,
    primary key (api_key_id, scope_id)
);

create index api_key_scopes_scope_idx on api_key_scopes (scope_id);

-- the lookup is the primary key: the unique index the hot path reads by
create table key_secrets (
    lookup      varchar(12)  not null primary key,
    api_key_id  varchar(40)  not null references api_keys (id) on delete cascade,
    position    integer      not null,
    prefix      varchar(16)  not null,
    suffix      varchar(4)   not null,
    hash        varchar(255) not null,
    created_on  timestamp with time zone not null,
    expires_on  timestamp with time zone
);

create index key_secrets_key_idx on key_secrets (api_key_id);

create table audit_events (
    id          varchar(38)  not null primary key,
    occurred_on timestamp with time zone not null,
    actor       varchar(128) not null,
    action      varchar(32)  not null,
    target      varchar(128) not null,
    owner_type  varchar(16),
    owner_id    varchar(64),
    outcome     varchar(16)  not null,
    detail      varchar(512) not null
);

create index audit_events_target_idx on audit_events (target, id);
create index audit_events_owner_idx  on audit_events (owner_type, owner_id, id);
