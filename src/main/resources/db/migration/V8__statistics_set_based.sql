-- Statistics at national scale (issue 5): a run writes one snapshot row per case, millions per
-- run, set-based (insert ... select per slice). The foreign keys from the snapshot tables to
-- stat_run cost a trigger call (PostgreSQL) or a probe (H2) per inserted row, about a seventh of
-- the slice's time, to guard rows that only the job writes, for a run row it reads first and
-- that is never deleted. So the two tables are rebuilt without them, with their rows.
-- (A rename and copy, because H2 names foreign keys itself and they cannot be dropped by name.)

alter table stat_run_case rename to stat_run_case_v5;
create table stat_run_case (
    run_id               varchar(36)  not null,
    slice_day            date         not null,   -- the first day of the slice that put the case in the period
    case_id              bigint       not null,
    case_number          varchar(32)  not null,
    dispute_type         varchar(32)  not null,
    channel              varchar(32)  not null,
    region_code          varchar(12)  not null,
    handling_office_code varchar(40)  not null,
    received_at          timestamp with time zone not null,
    accepted_at          timestamp with time zone,
    outcome              varchar(16),
    outcome_at           timestamp with time zone,
    days_to_outcome      integer,
    agreement_form       varchar(16),
    agreement_amount     numeric(16,2),
    criminal_case_averted boolean     not null,
    mass_petition_averted boolean     not null,
    people_involved      integer      not null,
    referrals_sent       integer      not null,
    referrals_accepted   integer      not null,
    referrals_rejected   integer      not null,
    referrals_overdue    integer      not null,
    follow_ups           integer      not null,
    performed            boolean      not null,
    admin_filed_at       timestamp with time zone,
    admin_resolution     varchar(32),
    admin_resolved_at    timestamp with time zone,
    -- serves the slice's delete and read-back (run_id, slice_day) and the drill-down (run_id)
    constraint stat_run_case_pk primary key (run_id, slice_day, case_id)
);
insert into stat_run_case select * from stat_run_case_v5;
drop table stat_run_case_v5;

-- from V8 on only the offices other than the handling office (which is in stat_run_case)
alter table stat_run_office rename to stat_run_office_v5;
create table stat_run_office (
    run_id      varchar(36) not null,
    slice_day   date        not null,
    case_id     bigint      not null,
    office_code varchar(40) not null,
    constraint stat_run_office_pk primary key (run_id, slice_day, case_id, office_code)
);
insert into stat_run_office select * from stat_run_office_v5;
drop table stat_run_office_v5;

-- the cohort predicate of every slice and of the progress total (kind of matter, deciding date),
-- with the case id so that counting the cohort and matching referrals and follow-up visits to
-- a slice's cases read the index only, not the wide case rows
create index case_kind_accepted_idx on dispute_case(matter_kind, accepted_at, id);
create index case_kind_received_idx on dispute_case(matter_kind, received_at, id);
