-- What a key is for: STANDARD, or PORTAL_LINK for the management key a portal link carries, which no
-- key list shows and which is swept away once it has expired. One script for H2 and PostgreSQL.
alter table api_keys add column kind varchar(16) default 'STANDARD' not null;

-- The portal links made before: management keys named as the portal names them, which always
-- expire, of a customer (never of the operator organization).
update api_keys set kind = 'PORTAL_LINK'
where name = 'Portal link'
  and expires_on is not null
  and not (owner_type = 'ORGANIZATION' and owner_id = 'keygate-operator')
  and api_id in (select id from apis where audience = 'keygate-management');

-- The sweep reads the expired portal-link keys.
create index api_keys_kind_expires_idx on api_keys (kind, expires_on);

-- The audit trail's new filters, each ending in id for keyset pagination in either order.
create index audit_events_action_idx on audit_events (action, id);
create index audit_events_actor_idx  on audit_events (actor, id);
