-- Adds a million synthetic cases (with two parties and a handling-office row each) to a
-- TriLink database on PostgreSQL, for the portal's render benchmark. Run after TriLink has
-- migrated the schema and loaded its demo data:
--   psql -h 127.0.0.1 -U postgres -d test -v schema=trilink_portal -f benchmarks/million-cases.sql
-- Ids start at 100,000,000 so that they never meet the ids the application's sequences hand out.
set search_path to :schema;

create temporary table bench_office as
    select row_number() over (order by code) as n, code, region_code from office
    where type in ('JUDICIAL_OFFICE', 'POLICE_STATION');

insert into dispute_case (id, case_number, matter_kind, status, channel, intake_mode, dispute_type, summary,
                          region_code, address, amount_involved, people_involved, risk_level,
                          receiving_office_code, handling_office_code, occurred_at, received_at, accepted_at,
                          created_by, version)
select 100000000 + g,
       'TLB' || (2024 + g % 3) || '-' || lpad(g::text, 7, '0'),
       'PEOPLES_MEDIATION',
       (array['RECEIVED','ACCEPTED','IN_MEDIATION','CONCLUDED','CLOSED','CLOSED','CLOSED','DECLINED'])[1 + g % 8],
       (array['WALK_IN','PHONE','POLICE_110','HOTLINE_12345','COURT_REFERRAL','GRID_SCREENING','ONLINE','CROSS_REGION'])[1 + g % 8],
       'APPLICATION',
       (array['MARRIAGE_FAMILY','NEIGHBOR','HOUSING_HOMESTEAD','CONTRACT','BUSINESS','DAMAGES','LAND_FOREST',
              'REQUISITION_DEMOLITION','ENVIRONMENT','LABOR','CONSUMER','MEDICAL','TRAFFIC','PROPERTY_MANAGEMENT','OTHER'])[1 + g % 15],
       '压测纠纷 benchmark dispute ' || g,
       o.region_code, '青浦区某路' || (g % 500) || '号', (g % 100000) * 10, 1 + g % 9,
       (array['LOW','LOW','LOW','MEDIUM','HIGH'])[1 + g % 5],
       o.code, o.code,
       now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second' - interval '1 day',
       now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second',
       case when g % 8 in (0, 7) then null
            else now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second' + interval '1 day' end,
       'bench', 0
from generate_series(1, 1000000) g
join bench_office o on o.n = 1 + g % (select count(*) from bench_office);

insert into case_participant (case_id, office_code, part, since, case_received_at)
select id, handling_office_code, 'HANDLING', received_at, received_at from dispute_case where id > 100000000;

insert into party (id, case_id, ordinal, role, kind, name, id_number, phone)
select 200000000 + 2 * (id - 100000000), id, 0, 'APPLICANT', 'PERSON', '申请人' || (id - 100000000),
       null, '139' || lpad(((id - 100000000) % 100000000)::text, 8, '0')
from dispute_case where id > 100000000;
insert into party (id, case_id, ordinal, role, kind, name)
select 200000000 + 2 * (id - 100000000) + 1, id, 1, 'RESPONDENT', 'PERSON', '被申请人' || (id - 100000000)
from dispute_case where id > 100000000;

analyze dispute_case;
analyze case_participant;
analyze party;
select count(*) as cases from dispute_case;
