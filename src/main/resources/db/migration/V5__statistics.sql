-- Statistics runs (issue 5). A run is an immutable snapshot once COMPLETED: its figures and
-- the case facts behind them are copied here, so later case edits change neither.

create table stat_run (
    id              varchar(36)  primary key,
    execution_id    bigint,                     -- latest Jakarta Batch execution (a restart makes a new one)
    matter_kind     varchar(32)  not null,
    period_from     date         not null,
    period_to       date         not null,
    scope_code      varchar(40)  not null,      -- the district code, a region code or an office code
    scope_kind      varchar(16)  not null,      -- DISTRICT, REGION, OFFICE
    requested_by    varchar(64)  not null,
    requested_at    timestamp with time zone not null,
    total_cases     bigint,
    completed_at    timestamp with time zone
);
create index stat_run_exec_idx on stat_run(execution_id);

-- the cases behind a run, with the facts its figures were computed from (one row per case)
create table stat_run_case (
    run_id               varchar(36)  not null references stat_run(id),
    slice_day            date         not null,   -- the local date that put the case in the period
    case_id              bigint       not null,
    case_number          varchar(32)  not null,
    dispute_type         varchar(32)  not null,
    channel              varchar(32)  not null,
    region_code          varchar(12)  not null,
    handling_office_code varchar(40)  not null,
    received_at          timestamp with time zone not null,
    accepted_at          timestamp with time zone,
    outcome              varchar(16),             -- null unless recorded by the end of the cut-off date
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
    -- a case lies in exactly one slice (its deciding date); the key serves the slice rewrite too
    primary key (run_id, slice_day, case_id)
);

-- offices credited with a case of a run (each office that worked on it, once)
create table stat_run_office (
    run_id      varchar(36) not null references stat_run(id),
    slice_day   date        not null,
    case_id     bigint      not null,
    office_code varchar(40) not null,
    primary key (run_id, slice_day, case_id, office_code)
);

-- partial sums per day slice; a slice is rewritten whole (delete, then insert) in the chunk's
-- transaction, so a restarted partition never counts a case twice
create table stat_partial (
    run_id     varchar(36) not null references stat_run(id),
    slice_day  date        not null,
    metric     varchar(64) not null,
    dimension  varchar(64) not null,            -- '' for a total, else the breakdown's code
    quantity   numeric(20,2) not null,
    primary key (run_id, slice_day, metric, dimension)
);

-- the run's figures, combined from the partials by the last step
create table stat_figure (
    run_id      varchar(36) not null references stat_run(id),
    metric      varchar(64) not null,
    dimension   varchar(64) not null,
    ordinal     integer     not null,
    quantity    numeric(20,2) not null,
    numerator   numeric(20,2),
    denominator numeric(20,2),
    primary key (run_id, metric, dimension)
);

-- a scheduled period is claimed by inserting its row: the one instance that succeeds runs it
create table stat_schedule_claim (
    period_key  varchar(80) primary key,
    run_id      varchar(36),
    claimed_at  timestamp with time zone not null,
    claimed_by  varchar(100) not null
);
