-- Authority only shrinks. One script for H2 and PostgreSQL: only types and syntax both understand.

-- A key made by a management key remembers it: a management key works only while its maker does.
-- Such keys were created by "api_key:<maker id>" (8 characters before the id).
alter table api_keys add column made_by varchar(40);
update api_keys set made_by = substring(created_by from 9) where created_by like 'api_key:%';

-- What the operator lets each organization and user hold: one grant per owner and API, with the
-- scopes of that API it may hold. Deleting an API or a scope takes it out of every grant.
create table owner_grants (
    owner_type varchar(16)  not null,
    owner_id   varchar(64)  not null,
    api_id     varchar(36)  not null references apis (id) on delete cascade,
    granted_on timestamp with time zone not null,
    granted_by varchar(128) not null,
    primary key (owner_type, owner_id, api_id)
);

create table owner_grant_scopes (
    owner_type varchar(16) not null,
    owner_id   varchar(64) not null,
    api_id     varchar(36) not null,
    scope_id   varchar(42) not null references api_scopes (id) on delete cascade,
    primary key (owner_type, owner_id, api_id, scope_id),
    foreign key (owner_type, owner_id, api_id)
        references owner_grants (owner_type, owner_id, api_id) on delete cascade
);

create index owner_grant_scopes_scope_idx on owner_grant_scopes (scope_id);

-- Existing deployments keep working: each owner is granted what its live keys (neither revoked
-- nor expired) already hold. Management keys are not granted: their scopes come from their maker.
insert into owner_grants (owner_type, owner_id, api_id, granted_on, granted_by)
select distinct k.owner_type, k.owner_id, k.api_id, current_timestamp, 'keygate:migration'
from api_keys k
join apis a on a.id = k.api_id
where a.audience <> 'keygate-management'
  and k.status <> 'REVOKED'
  and (k.expires_on is null or k.expires_on > current_timestamp);

insert into owner_grant_scopes (owner_type, owner_id, api_id, scope_id)
select distinct k.owner_type, k.owner_id, k.api_id, ks.scope_id
from api_keys k
join api_key_scopes ks on ks.api_key_id = k.id
join apis a on a.id = k.api_id
where a.audience <> 'keygate-management'
  and k.status <> 'REVOKED'
  and (k.expires_on is null or k.expires_on > current_timestamp);
