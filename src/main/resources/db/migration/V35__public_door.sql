-- The parties' own door (issue 24): one-time codes sent by SMS, daily limits shared by every
-- instance, consents to the privacy notice, the passes of verified parties and their requests to
-- correct personal data. Phone numbers are never stored here: only their HMAC (door_secret's key),
-- enough to count and to compare, not to read back.

-- The key of the HMACs of phones and codes, made once by the first instance that needs it.
create table door_secret (
    id          integer primary key,
    secret      varchar(64) not null
);

-- Consents to the privacy notice (个人信息保护法 第十四条): which notice, for what, when, from where.
create table privacy_consent (
    id              bigint primary key,
    given_at        timestamp with time zone not null,
    notice_version  varchar(20)  not null,
    purpose         varchar(20)  not null,
    phone_hash      varchar(64)  not null,
    address         varchar(64),
    case_id         bigint
);
create index privacy_consent_case_idx on privacy_consent(case_id);

-- A code sent (or, for a case and phone that do not match, pretended to be sent: the answer is the
-- same, no SMS goes out, and no code can verify it).
create table public_code (
    id              varchar(64)  primary key,  -- the challenge the client holds
    purpose         varchar(20)  not null,     -- APPLY or FOLLOW
    phone_hash      varchar(64)  not null,
    case_id         bigint,                    -- FOLLOW: the case whose party has this phone
    party_position  integer,
    office_code     varchar(40),
    code_hash       varchar(64),               -- null: nothing was sent, nothing verifies
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    tries           integer not null,
    verified_at     timestamp with time zone,
    consent_id      bigint not null
);
create index public_code_created_idx on public_code(created_at);

-- Codes asked for per phone, client address and office per day (district date), across instances.
create table public_limit (
    limit_key   varchar(120) not null,
    limit_day   date not null,
    used        integer not null,
    primary key (limit_key, limit_day)
);

-- A verified party's pass: what a correct code opens, for a while.
create table party_pass (
    token_hash      varchar(64)  primary key,
    purpose         varchar(20)  not null,
    phone_hash      varchar(64)  not null,
    case_id         bigint,
    party_position  integer,
    office_code     varchar(40),
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
create index party_pass_expires_idx on party_pass(expires_at);

-- A party's request to correct the personal data held about them; staff apply it as a recorded
-- party correction (PARTY_CORRECTED) or decline it with a reason.
create table correction_request (
    id              bigint primary key,
    case_id         bigint not null,
    party_position  integer not null,
    requested_at    timestamp with time zone not null,
    proposed        varchar(2000) not null,    -- JSON: the fields and the values the party asks for
    note            varchar(1000),
    status          varchar(20)  not null,     -- OPEN, APPLIED, DECLINED
    handled_at      timestamp with time zone,
    handled_by      varchar(100),
    handling_note   varchar(1000)
);
create index correction_request_case_idx on correction_request(case_id, status);

create sequence door_seq start with 1 increment by 1;
