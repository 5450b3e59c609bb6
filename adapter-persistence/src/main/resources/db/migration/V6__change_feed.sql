-- The change feed: every change that can alter a verification, numbered in the order it committed.
-- One script for H2 and PostgreSQL.

-- The latest change number. A unit of work that changed something moves it on as its last
-- statement, so the row's lock hands out numbers in commit order and without gaps.
create table change_head (
    id            integer not null primary key,
    change_number bigint  not null
);

insert into change_head (id, change_number) values (1, 0);

-- kind: API_KEY, APPLICATION, SIGNING_KEY or OWNER_GRANTS; subject: the id of what changed.
create table change_feed (
    change_number bigint       not null primary key,
    kind          varchar(16)  not null,
    subject       varchar(160) not null,
    changed_on    timestamp with time zone not null
);

create index change_feed_changed_on_idx on change_feed (changed_on);
