-- Ledger uploads staged before they are confirmed (issue 21, "preview, then confirm").
-- Same SQL on PostgreSQL and on H2 in PostgreSQL mode (bytea is VARBINARY there, as in V6).
-- The file lives in the database, not on an instance's disk, so any instance of a cluster can
-- show its preview and confirm it; nothing reaches the case tables before the confirmation.

create sequence ledger_upload_seq start with 1 increment by 1;

create table ledger_upload (
    id                bigint       primary key,
    office_code       varchar(40)  not null references office(code),
    file_name         varchar(255) not null,
    content           bytea,                   -- the file as uploaded; dropped once confirmed or discarded
    size_bytes        bigint       not null,
    sha256            varchar(64)  not null,   -- stays: what an auditor compares the office's copy with
    file_kind         varchar(8)   not null,   -- XLSX, CSV
    encoding          varchar(32),             -- a CSV's encoding as decided at upload; null for .xlsx
    uploaded_by       varchar(64)  not null,
    uploaded_at       timestamp with time zone not null,
    status            varchar(16)  not null,   -- STAGED, CONFIRMING, CONFIRMED, DISCARDED
    row_count         integer      not null,
    valid_count       integer      not null,   -- rows that would create a case
    error_count       integer      not null,   -- rows refused
    warning_count     integer      not null,   -- rows with a warning (stored all the same)
    repeated_count    integer      not null,   -- rows imported before, identical: create nothing
    conflict_count    integer      not null,   -- rows imported before, different now: not overwritten
    peoples_mediation integer      not null,   -- valid rows per matter kind
    administrative    integer      not null,
    confirm_mode      varchar(16),             -- ALL_OR_NOTHING, SKIP_ERRORS
    confirmed_by      varchar(64),
    confirmed_at      timestamp with time zone,
    created_count     integer,
    skipped_count     integer,                 -- errors and conflicts left out by SKIP_ERRORS
    failed_count      integer,                 -- rows that passed the checks but could not be stored
    closed_at         timestamp with time zone -- confirmed or discarded
);
create index ledger_upload_office_idx on ledger_upload(office_code, uploaded_at);
create index ledger_upload_status_idx on ledger_upload(status, uploaded_at);

-- What the preview found per row: one line per reason (a row may have several).
create table ledger_upload_issue (
    upload_id    bigint       not null references ledger_upload(id) on delete cascade,
    seq_no       integer      not null,
    row_no       bigint       not null,
    ledger_id    varchar(64),
    severity     varchar(8)   not null,   -- ERROR, WARNING, CONFLICT
    column_key   varchar(64),             -- the ledger column (its key), null for the row as a whole
    code         varchar(32)  not null,   -- ledger.refusal.<code> / ledger.warning.<code> in the portal
    limit_value  varchar(32),
    reason       varchar(1000),           -- the API's English wording; never quotes the row's data
    primary key (upload_id, seq_no)
);
create index ledger_upload_issue_severity_idx on ledger_upload_issue(upload_id, severity, seq_no);

-- SHA-256 of an imported row's normalised content: the same ledger id coming again with other
-- content is a conflict, not silently overwritten. Rows imported before this have none and
-- count as repeated.
alter table ledger_row add column content_hash varchar(64);
alter table ledger_row add column upload_id bigint;
