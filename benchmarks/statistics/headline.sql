-- The hand-written SQL: the headline figures of people's mediation in 2019, district-wide,
-- with the same definitions as the job (accepted in the period; succeeded: of those, outcome
-- SUCCESS recorded by the end of the cut-off date).
set search_path to :schema;
select count(*) as accepted,
       count(*) filter (where outcome = 'SUCCESS' and outcome_at < timestamptz '2020-01-01 00:00:00+08') as succeeded
from dispute_case
where matter_kind = 'PEOPLES_MEDIATION'
  and accepted_at >= timestamptz '2019-01-01 00:00:00+08' and accepted_at < timestamptz '2020-01-01 00:00:00+08';
