-- The security audit trail (issue 22, 等保三级 安全审计): sign-ins, failures, locks and unlocks,
-- password resets, account and role changes, partner secret rotations. Append-only: nothing in
-- TriLink updates or deletes an entry except the retention purge. Each entry's hash covers its
-- fields and the previous entry's hash, so an entry altered or deleted in the database breaks the
-- chain, and the head row (locked by every append, so instances append one at a time) notices the
-- newest entries going missing.
create table security_event (
    id             bigint primary key,
    occurred_at    timestamp with time zone not null,
    kind           varchar(40)  not null,
    actor          varchar(200),
    subject        varchar(200),
    address        varchar(64),
    detail         varchar(500),
    previous_hash  varchar(64)  not null,
    entry_hash     varchar(64)  not null
);
create index security_event_occurred_idx on security_event(occurred_at);
create index security_event_kind_idx on security_event(kind, occurred_at);

create table security_event_head (
    id          integer primary key,
    last_id     bigint      not null,
    last_hash   varchar(64) not null,
    purged_on   date
);
insert into security_event_head (id, last_id, last_hash) values
    (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
