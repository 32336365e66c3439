-- Lifecycle (issue 3): the overdue timer marks a missed follow-up once, like referral.overdue,
-- so that several instances sharing the database flag (and record) each case only once.
alter table dispute_case add column follow_up_overdue_at timestamp with time zone;
create index case_follow_up_due_idx on dispute_case(status, follow_up_due);
create index referral_from_idx on referral(from_office_code, status);
