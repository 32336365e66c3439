-- Issue 22, authentication: a password the admin set (a new account, a reset) must be changed by
-- its person at the next sign-in; the flag is cleared by their own change.
alter table staff add column password_change_due boolean not null default false;

-- Two factors (TOTP, RFC 6238) per account name. The secret is kept encrypted (AES-GCM, key from
-- trilink.security.two-factor.key) when a key is configured; confirmed_at is null while the
-- enrolment waits for its first code. last_step is the last 30-second step whose code was taken:
-- a code is taken once (the update that raises it decides, across instances).
create table two_factor (
    username      varchar(64)  primary key,
    secret        varchar(300) not null,
    created_at    timestamp with time zone not null,
    confirmed_at  timestamp with time zone,
    last_step     bigint       not null default 0
);

-- Ten one-time recovery codes per enrolment, kept as salted SHA-256 digests; used_at once spent.
create table two_factor_recovery (
    username   varchar(64)  not null,
    code_hash  varchar(100) not null,
    used_at    timestamp with time zone,
    primary key (username, code_hash)
);
