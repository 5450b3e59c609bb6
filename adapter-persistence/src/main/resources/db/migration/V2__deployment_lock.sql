-- One row that initialization locks (select ... for update) for as long as it runs, so that nodes
-- starting on one empty database at once set it up one after the other: one root key, not two.

create table deployment_lock (
    id          integer      not null primary key
);

insert into deployment_lock (id) values (1);
