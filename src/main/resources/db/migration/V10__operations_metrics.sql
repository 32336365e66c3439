-- Operations metrics (issue 8): each gauge is one indexed query. Flagged follow-ups are few
-- among the concluded cases; completed statistics runs are read newest first.
create index case_follow_up_overdue_idx on dispute_case(follow_up_overdue_at);
create index stat_run_completed_idx on stat_run(completed_at);
