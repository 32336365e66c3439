-- The desk (issue 23): this week's sessions of an office are found by their time, and a
-- mediator's cases by the person, however many sessions and cases the district holds.
create index session_scheduled_idx on mediation_session(scheduled_at);
create index case_mediator_staff_idx on case_mediator(staff_id);
