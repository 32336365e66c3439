-- Fills the TriLink schema with :n realistic cases in 2019 (a year no demo data touches), with
-- server-side multi-row inserts (insert ... select from generate_series): no round trip per case.
-- 90 % people's mediation, 10 % administrative; spread over the year, the 11 towns and their
-- judicial offices, received in id order (see below); 2 % failures, a joint police station on every 20th case, a referral on every
-- 25th, a follow-up visit on every 10th. Usage: psql -v n=1000000 -v schema=... -f generate.sql
set search_path to :schema;
set synchronous_commit to off;

create temporary table bench_office as
    select code, region_code, row_number() over (order by code) - 1 as n
    from office where code like 'JO-%';
create temporary table bench_police as
    select o.code, o.region_code from office o where o.code like 'PS-%';

insert into dispute_case (id, case_number, matter_kind, status, channel, intake_mode, dispute_type, summary,
    region_code, people_involved, risk_level, receiving_office_code, handling_office_code, received_at,
    accepted_at, outcome, outcome_at, agreement_form, agreement_amount, criminal_case_averted,
    mass_petition_averted, admin_filed_at, admin_resolution, admin_resolved_at, created_by, version)
select 1000000000 + g,
       'BM2019-' || lpad(g::text, 9, '0'),
       case when g % 10 = 0 then 'ADMINISTRATIVE' else 'PEOPLES_MEDIATION' end,
       case when g % 10 = 0 then 'RESOLVED' else 'CONCLUDED' end,
       (array['WALK_IN','PHONE','POLICE_110','HOTLINE_12345','COURT_REFERRAL','GRID_SCREENING','ONLINE',
              'CROSS_REGION','LEDGER_IMPORT'])[1 + g % 9],
       'APPLICATION',
       (array['MARRIAGE_FAMILY','NEIGHBOR','HOUSING_HOMESTEAD','CONTRACT','BUSINESS','DAMAGES','LAND_FOREST',
              'REQUISITION_DEMOLITION','ENVIRONMENT','LABOR','CONSUMER','MEDICAL','TRAFFIC',
              'PROPERTY_MANAGEMENT','OTHER'])[1 + g % 15],
       'benchmark dispute',
       o.region_code, 1 + g % 5, 'LOW', o.code, o.code,
       t.received, t.received + interval '2 hours',
       case when g % 10 = 0 then null when g % 50 = 1 then 'FAILURE' else 'SUCCESS' end,
       case when g % 10 = 0 then null else t.received + (g % 30) * interval '1 day' + interval '3 hours' end,
       case when g % 10 = 0 or g % 50 = 1 then null when g % 3 = 0 then 'ORAL' else 'WRITTEN' end,
       case when g % 10 = 0 or g % 50 = 1 then null else (g % 100) * 100.00 end,
       g % 97 = 0, g % 89 = 0,
       case when g % 10 = 0 and g % 30 <> 0 then t.received + interval '1 day' end,
       case when g % 10 = 0 then (array['RESOLVED_BEFORE_FILING','MEDIATED','WITHDRAWN','UPHELD','CORRECTED',
                                        'UPHELD'])[1 + (g / 10) % 6] end,
       case when g % 10 = 0 then t.received + interval '20 days' end,
       'benchmark', 0
from generate_series(1, :n) g
-- received in the order of their ids, as cases are registered (a table fills in time order),
-- with up to two hours of jitter; the last ones four hours before the year ends
cross join lateral (select timestamptz '2019-01-01 00:00:00+08'
                           + ((g::bigint - 1) * (31536000 - 14400) / :n + (g::bigint * 7919) % 7200) * interval '1 second'
                    as received) t
join bench_office o on o.n = g % 11;

insert into case_participant (case_id, office_code, part, since, case_received_at)
select id, handling_office_code, 'HANDLING', received_at, received_at from dispute_case where created_by = 'benchmark';

insert into case_participant (case_id, office_code, part, since, case_received_at)
select c.id, p.code, 'JOINT', c.received_at, c.received_at
from dispute_case c join bench_police p on p.region_code = c.region_code
where c.created_by = 'benchmark' and c.id % 20 = 0;

insert into referral (id, case_id, from_office_code, to_office_code, reason, status, sent_at, sent_by, deadline,
    overdue, decided_at)
select 2000000000 + c.id, c.id, 'HOTLINE-12345', c.handling_office_code, 'benchmark',
       case when c.id % 4 = 0 then 'REJECTED' else 'ACCEPTED' end, c.received_at - interval '1 hour', 'benchmark',
       c.received_at + interval '1 day', c.id % 3 = 0, c.received_at
from dispute_case c where c.created_by = 'benchmark' and c.id % 25 = 0;

insert into follow_up_visit (id, case_id, visited_at, method, performance, satisfaction, recorded_by, office_code)
select 3000000000 + c.id, c.id, c.outcome_at + interval '30 days', 'PHONE',
       case when c.id % 7 = 0 then 'PARTLY' else 'PERFORMED' end, 5, 'benchmark', c.handling_office_code
from dispute_case c where c.created_by = 'benchmark' and c.outcome = 'SUCCESS' and c.id % 10 = 1;

-- each case's summary of referrals, visits and other offices (Flyway V16 and CaseLinks.merge: the same statement)
merge into dispute_case c using (
    select x.case_id as case_id, cast(sum(x.sent) as integer) as sent, cast(sum(x.accepted) as integer) as accepted,
           cast(sum(x.rejected) as integer) as rejected, cast(sum(x.overdue) as integer) as overdue,
           cast(sum(x.visits) as integer) as visits, cast(sum(x.performed) as integer) as performed,
           string_agg(x.office, ',' order by x.office) as offices,
           case when sum(x.pending) > 0 then cast('9999-12-31 00:00:00+00' as timestamp with time zone)
                else max(x.at) end as settled_at
    from (
        select r.case_id as case_id, 1 as sent,
               case when r.status = 'ACCEPTED' then 1 else 0 end as accepted,
               case when r.status = 'REJECTED' then 1 else 0 end as rejected,
               case when r.overdue = true then 1 else 0 end as overdue,
               0 as visits, 0 as performed, case when r.status = 'PENDING' then 1 else 0 end as pending,
               cast(null as varchar(40)) as office,
               greatest(r.sent_at, coalesce(r.decided_at, r.sent_at), coalesce(r.overdue_at, r.sent_at)) as at
        from referral r
        union all
        select v.case_id, 0, 0, 0, 0, 1, case when v.performance = 'PERFORMED' then 1 else 0 end, 0, null, v.visited_at
        from follow_up_visit v
        union all
        select p.case_id, 0, 0, 0, 0, 0, 0, 0, p.office_code, null
        from case_participant p where p.part <> 'HANDLING'
    ) x group by x.case_id
) l on (c.id = l.case_id)
when matched then update set links_sent = l.sent, links_accepted = l.accepted, links_rejected = l.rejected,
    links_overdue = l.overdue, links_visits = l.visits, links_performed = l.performed, links_offices = l.offices,
    links_settled_at = l.settled_at;

-- the update above wrote new versions of a sixth of the case rows at the table's end; as the
-- application writes these columns with the move that changes a case anyway, the cases go back
-- to id order, as they were inserted
cluster dispute_case using dispute_case_pkey;

-- what autovacuum does soon after a bulk load anyway: statistics and the visibility map
vacuum analyze dispute_case;
vacuum analyze case_participant;
vacuum analyze referral;
vacuum analyze follow_up_visit;
