-- The satisfaction rate (issue 24): beside its follow-up visits (links_visits), a case's row
-- counts those whose satisfaction (回访满意度, 1-5) was below 4, kept by CaseLinkFacts like the
-- other links. A case is satisfied when it was visited and no visit found it below 4.
alter table dispute_case add column links_dissatisfied integer;
update dispute_case set links_dissatisfied = (select count(*) from follow_up_visit v
    where v.case_id = dispute_case.id and v.satisfaction < 4)
    where links_visits is not null;
