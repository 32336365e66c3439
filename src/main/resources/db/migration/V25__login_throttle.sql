-- Failed sign-ins (issue 22, 等保三级 "login failure handling"): per account name and per client
-- address, shared by every instance. An unknown name is counted like a known one, so that neither
-- the answer nor its delay tells anyone which names exist. Rows of names with no failure for a
-- day are deleted as new failures come in.
create table login_throttle (
    throttle_key     varchar(300) primary key, -- 'account:' + lower-case name, or 'address:' + address
    failures         integer not null,
    last_failure_at  timestamp with time zone not null,
    next_attempt_at  timestamp with time zone not null,
    locked_until     timestamp with time zone
);
create index login_throttle_last_failure_idx on login_throttle(last_failure_at);
