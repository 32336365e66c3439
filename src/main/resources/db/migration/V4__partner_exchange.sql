-- Partner exchange (issue 4): partners, their referrals, the outbox of callbacks, refusals
-- and the database-backed idempotency of Camel routes. Runs on PostgreSQL and H2 (PostgreSQL mode).

-- A partner agency's system. The HMAC secret must be readable to sign callbacks and verify
-- requests (a hash would not do): it is stored as given, so the database is as sensitive as
-- the configuration; production deployments restrict access to it and rotate secrets here.
create table partner (
    code                  varchar(40)   primary key,
    name                  varchar(200)  not null,
    secret                varchar(200)  not null,
    default_office_code   varchar(40)   not null references office(code),
    callback_url          varchar(500),
    inbox_folder          varchar(500),
    enabled               boolean       not null default true,
    created_at            timestamp with time zone not null,
    secret_rotated_at     timestamp with time zone not null
);

-- One row per referral a partner handed over: (partner, external id) is the idempotency key.
create table partner_referral (
    referral_id      varchar(36)   primary key,
    partner_code     varchar(40)   not null references partner(code),
    external_id      varchar(64)   not null,
    content_hash     varchar(64)   not null,
    case_id          bigint        not null references dispute_case(id),
    case_number      varchar(32)   not null,
    referral_row_id  bigint        not null references referral(id),
    received_via     varchar(16)   not null,   -- HTTP, FILE, SFTP, QUEUE
    received_at      timestamp with time zone not null,
    constraint partner_referral_external_uq unique (partner_code, external_id)
);
create index partner_referral_case_idx on partner_referral(case_id);

-- Messages to partners, written in the transaction of the change that caused them and
-- delivered by a Camel route. Rows are claimed with a lease, so several instances share work.
create table partner_outbox (
    id               bigint        primary key,
    event_id         varchar(36)   not null unique,
    partner_code     varchar(40)   not null references partner(code),
    kind             varchar(24)   not null,   -- CALLBACK, REFERRAL
    event            varchar(24)   not null,   -- ACCEPTED, REJECTED, CONCLUDED, REFERRED
    target_url       varchar(500),
    payload          varchar(20000) not null,
    status           varchar(16)   not null,   -- PENDING, DELIVERED, DEAD
    attempts         integer       not null default 0,
    next_attempt_at  timestamp with time zone not null,
    lease_until      timestamp with time zone,
    leased_by        varchar(64),
    last_status      integer,
    last_error       varchar(500),
    created_at       timestamp with time zone not null,
    delivered_at     timestamp with time zone,
    dead_at          timestamp with time zone
);
create index partner_outbox_due_idx on partner_outbox(status, next_attempt_at);
create sequence partner_outbox_seq start with 1 increment by 1;

create table partner_delivery_attempt (
    id            bigint        primary key,
    outbox_id     bigint        not null references partner_outbox(id),
    attempted_at  timestamp with time zone not null,
    http_status   integer,
    error         varchar(500),
    duration_ms   integer       not null
);
create index partner_delivery_attempt_outbox_idx on partner_delivery_attempt(outbox_id, id);
create sequence partner_delivery_attempt_seq start with 1 increment by 1;

-- Refused partner requests, without personal data: who (claimed), what, why.
create table partner_refusal (
    id            bigint        primary key,
    refused_at    timestamp with time zone not null,
    partner_code  varchar(40),
    channel       varchar(16)   not null,   -- HTTP, FILE, SFTP, QUEUE
    operation     varchar(100)  not null,
    status        integer       not null,
    reason        varchar(1000) not null,
    remote        varchar(100)
);
create index partner_refusal_at_idx on partner_refusal(refused_at);
create sequence partner_refusal_seq start with 1 increment by 1;

-- Camel's idempotent consumers remember what they took here; the unique key makes two
-- instances agree on who takes a message.
create table partner_processed_message (
    repository    varchar(60)   not null,
    message_key   varchar(200)  not null,
    processed_at  timestamp with time zone not null,
    primary key (repository, message_key)
);

-- Rows of historical ledgers (台账) already imported: an office's ledger id is taken once.
create table ledger_row (
    office_code   varchar(40)  not null references office(code),
    ledger_id     varchar(64)  not null,
    case_id       bigint       not null references dispute_case(id),
    imported_at   timestamp with time zone not null,
    imported_by   varchar(64)  not null,
    primary key (office_code, ledger_id)
);
