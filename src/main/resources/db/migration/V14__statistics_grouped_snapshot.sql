-- Statistics at national scale (issue 5), second shape: a run's snapshot keeps one row per group
-- of a slice's cases that share every code and fact a figure can ask about, with the groups' case
-- ids (and what the drill-down shows of each case that can change later) as arrays. At 10 million
-- cases V8's one row per case meant writing 9 million 27-column rows per run, 86 times the time of
-- a query that counts them; a group row stands for tens to thousands of cases.

create sequence stat_group_seq start with 1 increment by 1;

create table stat_run_group (
    id                   bigint       primary key,
    run_id               varchar(36)  not null,
    slice_day            date         not null,   -- the first day of the slice that put the cases in the period
    dispute_type         varchar(32)  not null,
    channel              varchar(32)  not null,
    region_code          varchar(12)  not null,
    handling_office_code varchar(40)  not null,
    -- the other offices that worked on these cases (joint mediation, former handlers), in code
    -- order, comma-separated; null for none. Each is credited in the by-office breakdown.
    other_offices        varchar(2000),
    facts                integer      not null,   -- outcome, resolution, agreement and flags (CaseFacts)
    cases                integer      not null,
    referrals_sent       integer      not null,
    referrals_accepted   integer      not null,
    referrals_rejected   integer      not null,
    referrals_overdue    integer      not null,
    follow_ups           integer      not null,
    agreement_amount     numeric(20,2),
    people_involved      integer      not null,
    -- one element per case, in the same order: the case, its outcome time (null unless recorded
    -- by the end of the cut-off date), its days from acceptance to outcome (null likewise)
    case_ids             bigint array not null,
    outcome_ats          timestamp with time zone array not null,
    days                 integer array not null
);
create index stat_run_group_slice_idx on stat_run_group(run_id, slice_day);

-- runs made before: their per-case snapshot, grouped the same way (the facts as CaseFacts packs them)
insert into stat_run_group (id, run_id, slice_day, dispute_type, channel, region_code, handling_office_code,
    other_offices, facts, cases, referrals_sent, referrals_accepted, referrals_rejected, referrals_overdue,
    follow_ups, agreement_amount, people_involved, case_ids, outcome_ats, days)
select nextval('stat_group_seq'), g.* from (
    select f.run_id, f.slice_day, f.dispute_type, f.channel, f.region_code, f.handling_office_code, f.offices,
        f.facts, count(*) as cases, sum(f.referrals_sent) as sent, sum(f.referrals_accepted) as accepted,
        sum(f.referrals_rejected) as rejected, sum(f.referrals_overdue) as overdue, sum(f.follow_ups) as visits,
        sum(f.agreement_amount) as amount, sum(f.people_involved) as people,
        array_agg(f.case_id order by f.case_id) as case_ids, array_agg(f.outcome_at order by f.case_id) as outcome_ats,
        array_agg(f.days_to_outcome order by f.case_id) as days
    from (
        select s.*,
            -- runs made before V8 listed the handling office in stat_run_office too
            (select string_agg(o.office_code, ',' order by o.office_code) from stat_run_office o
             where o.run_id = s.run_id and o.slice_day = s.slice_day and o.case_id = s.case_id
               and o.office_code <> s.handling_office_code) as offices,
            (case s.outcome when 'SUCCESS' then 1 when 'FAILURE' then 2 when 'WITHDRAWN' then 3 else 0 end)
            + (case s.admin_resolution when 'RESOLVED_BEFORE_FILING' then 4 when 'MEDIATED' then 8
                                       when 'WITHDRAWN' then 12 when 'UPHELD' then 16 when 'CORRECTED' then 20 else 0 end)
            + (case s.agreement_form when 'WRITTEN' then 32 when 'ORAL' then 64 else 0 end)
            + (case when s.agreement_amount is not null then 128 else 0 end)
            + (case when s.criminal_case_averted then 256 else 0 end)
            + (case when s.mass_petition_averted then 512 else 0 end)
            + (case when s.referrals_sent > 0 then 1024 else 0 end)
            + (case when s.referrals_accepted > 0 then 2048 else 0 end)
            + (case when s.referrals_rejected > 0 then 4096 else 0 end)
            + (case when s.referrals_overdue > 0 then 8192 else 0 end)
            + (case when s.follow_ups > 0 then 16384 else 0 end)
            + (case when s.performed then 32768 else 0 end)
            + (case when s.days_to_outcome is not null then 65536 else 0 end) as facts
        from stat_run_case s
    ) f
    group by f.run_id, f.slice_day, f.dispute_type, f.channel, f.region_code, f.handling_office_code, f.offices, f.facts
) g;

drop table stat_run_office;
drop table stat_run_case;
-- stat_partial keeps only the distribution of days to outcome per slice
delete from stat_partial where metric <> 'daysToOutcome';
