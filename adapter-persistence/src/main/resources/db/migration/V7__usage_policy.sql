-- Usage policy: rate limits, credits, IP allowlists and the usage history. One script for H2 and
-- PostgreSQL: only types and syntax both understand.

-- A key's own policy, each part as compact text (see PolicyText); null when the key has none.
-- The refill says how credits come back; whether the key is metered at all is key_credits' row.
alter table api_keys add column rate_limits varchar(1024);
alter table api_keys add column ip_allowlist varchar(5000);
alter table api_keys add column credit_refill varchar(128);

-- The limits every key of one organization or user shares. Read with each key; setting them moves
-- every key of the owner on.
create table owner_rate_limits (
    owner_type  varchar(16)   not null,
    owner_id    varchar(64)   not null,
    rate_limits varchar(1024) not null,
    primary key (owner_type, owner_id)
);

-- The credits a metered key has left, spent by verifications in one atomic statement each and
-- never written by an update of the key. refilled_at: when the last refill was due.
create table key_credits (
    key_id      varchar(40) not null primary key references api_keys (id) on delete cascade,
    remaining   bigint      not null,
    refilled_at timestamp with time zone not null
);

-- The current fixed window of each rate limit of each subject (a key or an owner): where it
-- starts, in seconds since the epoch, and how many uses it counted.
create table rate_windows (
    subject      varchar(160) not null,
    name         varchar(64)  not null,
    window_start bigint       not null,
    used         bigint       not null,
    primary key (subject, name)
);

-- Verifications of each key by outcome, per hour and per day, written as increments.
create table key_usage_hourly (
    key_id       varchar(40) not null references api_keys (id) on delete cascade,
    bucket_start timestamp with time zone not null,
    outcome      varchar(40) not null,
    count        bigint      not null,
    primary key (key_id, bucket_start, outcome)
);

create table key_usage_daily (
    key_id       varchar(40) not null references api_keys (id) on delete cascade,
    bucket_start timestamp with time zone not null,
    outcome      varchar(40) not null,
    count        bigint      not null,
    primary key (key_id, bucket_start, outcome)
);

-- for the retention, which deletes by age across every key
create index key_usage_hourly_start_idx on key_usage_hourly (bucket_start);
create index key_usage_daily_start_idx on key_usage_daily (bucket_start);
