-- A follow-up visit falling due is e-mailed to the handling office on its due date (issue 4),
-- once per case even with several instances: the reminder is claimed by setting this column in
-- a conditional UPDATE, as the overdue flag is. Cases already flagged overdue were e-mailed then.
alter table dispute_case add column follow_up_reminded_at timestamp with time zone;
update dispute_case set follow_up_reminded_at = follow_up_overdue_at where follow_up_overdue_at is not null;
