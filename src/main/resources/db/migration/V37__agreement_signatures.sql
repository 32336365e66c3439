-- Electronic signatures of the mediation agreement (issue 24). Same SQL on PostgreSQL and on
-- H2 in PostgreSQL mode.

create sequence agreement_signature_seq start with 50 increment by 50;

-- One row per party who signed a version of the agreement: what they drew, when, from where,
-- how, and the SHA-256 of the exact file they were shown. Never changed once stored.
create table agreement_signature (
    id               bigint       primary key,
    case_id          bigint       not null references dispute_case(id),
    document_id      bigint       not null references case_document(id),
    document_sha256  varchar(64)  not null,   -- case_document.pdf_sha256 of the version read
    party_id         bigint       not null references party(id),
    party_ordinal    integer      not null,   -- party.ordinal (0 = the first party as listed)
    image            bytea        not null,   -- the handwritten signature, PNG
    image_sha256     varchar(64)  not null,
    signed_at        timestamp with time zone not null,
    client_address   varchar(64),
    channel          varchar(16)  not null,   -- OFFICE_TABLET, ONLINE
    recorded_by      varchar(64),             -- the staff account that handed over the tablet; null online
    constraint agreement_signature_party_uq unique (document_id, party_id)
);
create index agreement_signature_case_idx on agreement_signature(case_id);

-- The signed version (signatures, seal, PAdES) names the version the parties signed.
alter table case_document add column signed_from bigint references case_document(id);
-- the verification page looks a PDF up by its bytes' SHA-256 ("issued by TriLink")
create index case_document_pdf_sha256_idx on case_document(pdf_sha256);
