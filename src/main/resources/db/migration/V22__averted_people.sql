-- Issue 21: the averted flags with their people, as the report counts them ("防止民间纠纷转化为刑事
-- 案件3件12人"). Null: not recorded (cases flagged before V22, API clients that give the flag alone);
-- statistics then count the case's people involved, as they did before. A count stands only with
-- its flag, and is a whole number from 1 to 100000, as the outcome form and the ledger import check.
alter table dispute_case add column criminal_case_averted_people integer;
alter table dispute_case add column mass_petition_averted_people integer;
alter table dispute_case add constraint case_criminal_people_check check (criminal_case_averted_people is null
    or (criminal_case_averted and criminal_case_averted_people between 1 and 100000));
alter table dispute_case add constraint case_petition_people_check check (mass_petition_averted_people is null
    or (mass_petition_averted and mass_petition_averted_people between 1 and 100000));

-- A snapshot group's people for each averted flag (its cases all have the flag or none do): the
-- two may differ, so the people involved alone no longer answer both. Groups of earlier runs
-- counted the people involved; they keep their figures (facts bit 256: criminal case, 512: petition).
alter table stat_run_group add column criminal_case_averted_people integer default 0 not null;
alter table stat_run_group add column mass_petition_averted_people integer default 0 not null;
update stat_run_group set
    criminal_case_averted_people = case when mod(facts / 256, 2) = 1 then people_involved else 0 end,
    mass_petition_averted_people = case when mod(facts / 512, 2) = 1 then people_involved else 0 end;
alter table stat_run_group drop column people_involved;
