-- Password policy (issue 22): a new password may not be one of the account's last five. The
-- hashes (PBKDF2, as staff.password_hash) of earlier passwords are kept here, newest last; the
-- time of the last change is on the account for a configured expiry.
create table staff_password_history (
    username       varchar(64)  not null,
    password_hash  varchar(300) not null,
    changed_at     timestamp with time zone not null
);
create index staff_password_history_idx on staff_password_history(username, changed_at);
alter table staff add column password_changed_at timestamp with time zone;
