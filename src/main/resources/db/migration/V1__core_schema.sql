-- TriLink core schema. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
-- Nothing is deleted from the case tables: corrections are new rows in case_event.

create table region (
    code        varchar(12)  primary key,
    parent_code varchar(12)  references region(code),
    level       varchar(16)  not null,            -- DISTRICT, TOWN, VILLAGE
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null
);

create table office (
    code                     varchar(40)  primary key,
    type                     varchar(32)  not null,
    name_zh                  varchar(200) not null,
    name_en                  varchar(200) not null,
    region_code              varchar(12)  not null references region(code),
    active                   boolean      not null default true,
    follow_up_days           integer,                 -- null: the district default
    referral_deadline_hours  integer                  -- null: the default of its office type
);
create index office_region_idx on office(region_code);

create table staff (
    id            bigint       primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(400) not null,
    display_name  varchar(100) not null,
    office_code   varchar(40)  references office(code),
    active        boolean      not null default true,
    created_at    timestamp with time zone not null
);

create table staff_role (
    staff_id bigint      not null references staff(id),
    role     varchar(32) not null,
    primary key (staff_id, role)
);

create sequence staff_seq start with 50 increment by 50;
create sequence case_seq start with 50 increment by 50;
create sequence party_seq start with 50 increment by 50;
create sequence case_event_seq start with 50 increment by 50;
create sequence referral_seq start with 50 increment by 50;
create sequence session_seq start with 50 increment by 50;
create sequence follow_up_seq start with 50 increment by 50;
create sequence data_view_seq start with 50 increment by 50;
-- human-readable case numbers: one counter, the year in front
create sequence case_number_seq start with 1 increment by 1;

create table dispute_case (
    id                     bigint        primary key,
    case_number            varchar(32)   not null unique,
    matter_kind            varchar(32)   not null,   -- PEOPLES_MEDIATION, ADMINISTRATIVE
    status                 varchar(32)   not null,
    channel                varchar(32)   not null,
    intake_mode            varchar(32)   not null,   -- PROACTIVE, APPLICATION, REFERRAL
    dispute_type           varchar(32)   not null,
    summary                varchar(4000) not null,
    region_code            varchar(12)   not null references region(code),
    address                varchar(300),
    amount_involved        numeric(16,2),
    people_involved        integer       not null,
    risk_level             varchar(16)   not null,
    receiving_office_code  varchar(40)   not null references office(code),
    handling_office_code   varchar(40)   not null references office(code),
    occurred_at            timestamp with time zone,
    received_at            timestamp with time zone not null,
    accepted_at            timestamp with time zone,
    declined_at            timestamp with time zone,
    decline_reason         varchar(1000),
    decline_guidance       varchar(1000),
    mediation_started_at   timestamp with time zone,
    outcome                varchar(16),              -- SUCCESS, FAILURE, WITHDRAWN
    outcome_at             timestamp with time zone,
    agreement_form         varchar(16),              -- WRITTEN, ORAL
    agreement_terms        varchar(4000),
    agreement_amount       numeric(16,2),
    performance_deadline   date,
    failure_reason         varchar(1000),
    failure_guidance       varchar(32),              -- LITIGATION, ARBITRATION, ADMINISTRATIVE
    follow_up_due          date,
    closed_at              timestamp with time zone,
    criminal_case_averted  boolean       not null default false,
    mass_petition_averted  boolean       not null default false,
    -- administrative matters (行政争议)
    admin_filed_at         timestamp with time zone,
    admin_resolution       varchar(32),              -- RESOLVED_BEFORE_FILING, MEDIATED, WITHDRAWN, UPHELD, CORRECTED
    admin_resolved_at      timestamp with time zone,
    source_partner         varchar(40),
    external_id            varchar(64),
    created_by             varchar(64)   not null,
    version                bigint        not null default 0
);
create index case_received_idx on dispute_case(received_at);
create index case_accepted_idx on dispute_case(accepted_at);
create index case_status_idx on dispute_case(status);
create index case_handling_office_idx on dispute_case(handling_office_code);
create index case_region_idx on dispute_case(region_code);
create index case_type_idx on dispute_case(dispute_type);

create table party (
    id           bigint       primary key,
    case_id      bigint       not null references dispute_case(id),
    ordinal      integer      not null,
    role         varchar(16)  not null,    -- APPLICANT, RESPONDENT
    kind         varchar(16)  not null,    -- PERSON, ORGANISATION
    name         varchar(200) not null,
    id_number    varchar(18),
    credit_code  varchar(18),
    phone        varchar(11),
    address      varchar(300)
);
create index party_case_idx on party(case_id);
create index party_id_number_idx on party(id_number);
create index party_credit_code_idx on party(credit_code);

-- offices taking part in a case: the handling office and joint-mediation participants
create table case_participant (
    case_id     bigint      not null references dispute_case(id),
    office_code varchar(40) not null references office(code),
    part        varchar(16) not null,   -- HANDLING, JOINT, FORMER
    since       timestamp with time zone not null,
    primary key (case_id, office_code)
);
create index participant_office_idx on case_participant(office_code);

-- append-only history; an outbox route can read it in order of id
create table case_event (
    id           bigint       primary key,
    case_id      bigint       not null references dispute_case(id),
    type         varchar(40)  not null,
    occurred_at  timestamp with time zone not null,
    actor        varchar(64)  not null,
    office_code  varchar(40),
    detail       varchar(4000),
    before_state varchar(4000),
    after_state  varchar(4000)
);
create index case_event_case_idx on case_event(case_id, id);

create table referral (
    id                 bigint       primary key,
    case_id            bigint       not null references dispute_case(id),
    from_office_code   varchar(40)  references office(code),
    to_office_code     varchar(40)  not null references office(code),
    from_partner       varchar(40),
    reason             varchar(1000) not null,
    status             varchar(16)  not null,   -- PENDING, ACCEPTED, REJECTED, RECALLED
    sent_at            timestamp with time zone not null,
    sent_by            varchar(64)  not null,
    deadline           timestamp with time zone not null,
    overdue            boolean      not null default false,
    overdue_at         timestamp with time zone,
    decided_at         timestamp with time zone,
    decided_by         varchar(64),
    rejection_reason   varchar(1000),
    version            bigint       not null default 0
);
create index referral_to_idx on referral(to_office_code, status);
create index referral_case_idx on referral(case_id);
create index referral_deadline_idx on referral(status, deadline);

create table mediation_session (
    id            bigint       primary key,
    case_id       bigint       not null references dispute_case(id),
    scheduled_at  timestamp with time zone not null,
    place         varchar(300) not null,
    participants  varchar(1000),
    status        varchar(16)  not null,   -- SCHEDULED, HELD, CANCELLED
    notes         varchar(8000),
    attendance    varchar(1000),
    held_at       timestamp with time zone,
    version       bigint       not null default 0
);
create index session_case_idx on mediation_session(case_id);

create table case_mediator (
    case_id   bigint      not null references dispute_case(id),
    staff_id  bigint      not null references staff(id),
    capacity  varchar(32) not null,   -- PEOPLES_MEDIATOR, LAWYER, POLICE_OFFICER
    primary key (case_id, staff_id)
);

create table follow_up_visit (
    id            bigint      primary key,
    case_id       bigint      not null references dispute_case(id),
    visited_at    timestamp with time zone not null,
    method        varchar(16) not null,   -- VISIT, PHONE, ONLINE
    performance   varchar(16) not null,   -- PERFORMED, PARTLY, NOT_PERFORMED
    satisfaction  integer     not null,
    notes         varchar(4000),
    recorded_by   varchar(64) not null,
    office_code   varchar(40) not null
);
create index follow_up_case_idx on follow_up_visit(case_id);

-- who saw full personal data of which case (PIPL)
create table personal_data_view (
    id          bigint      primary key,
    case_id     bigint      not null references dispute_case(id),
    viewer      varchar(64) not null,
    office_code varchar(40),
    viewed_at   timestamp with time zone not null,
    purpose     varchar(64) not null
);
create index data_view_case_idx on personal_data_view(case_id);

-- per-office-type defaults for deadlines, and district-wide settings
create table deadline_setting (
    office_type             varchar(32) primary key,
    referral_deadline_hours integer     not null,
    follow_up_days          integer     not null
);
