-- Case documents (issue 7): generated PDFs and the signed copies uploaded back.
-- Same SQL on PostgreSQL and on H2 in PostgreSQL mode (bytea is VARBINARY there).

create sequence case_document_seq start with 50 increment by 50;
create sequence signed_copy_seq start with 50 increment by 50;

-- One row per version of a document. A version is never changed once stored: regenerating a
-- changed case adds a version; regenerating an unchanged one finds the row by its content hash.
create table case_document (
    id            bigint       primary key,
    case_id       bigint       not null references dispute_case(id),
    kind          varchar(32)  not null,   -- AGREEMENT, REFERRAL_LETTER, FOLLOW_UP_RECORD, CASE_FILE
    subject_id    bigint       not null,   -- the referral or follow-up visit it is about; 0 for none
    version_no    integer      not null,
    case_version  bigint       not null,   -- dispute_case.version it was made from
    content_hash  varchar(64)  not null,   -- SHA-256 of the canonical text (printed: first 12 hex)
    pdf_sha256    varchar(64)  not null,   -- SHA-256 of the stored PDF file itself
    size_bytes    integer      not null,
    content       bytea        not null,
    generated_at  timestamp with time zone not null,
    generated_by  varchar(64)  not null,
    office_code   varchar(40),
    constraint case_document_version_uq unique (case_id, kind, subject_id, version_no),
    constraint case_document_content_uq unique (case_id, kind, subject_id, content_hash)
);
create index case_document_case_idx on case_document(case_id);
create index case_document_short_idx on case_document(case_id, content_hash);

-- A scan or photo of the signed paper, attached to the document version it was printed from.
create table signed_copy (
    id            bigint       primary key,
    case_id       bigint       not null references dispute_case(id),
    document_id   bigint       not null references case_document(id),
    media_type    varchar(32)  not null,   -- detected from the first bytes: application/pdf, image/png, image/jpeg
    file_name     varchar(200),
    sha256        varchar(64)  not null,
    size_bytes    integer      not null,
    content       bytea        not null,
    uploaded_at   timestamp with time zone not null,
    uploaded_by   varchar(64)  not null,
    office_code   varchar(40),
    constraint signed_copy_content_uq unique (document_id, sha256)
);
create index signed_copy_case_idx on signed_copy(case_id);
