-- Issue 20, the working calendar's rest. A follow-up falls due on the last day of its period in
-- calendar days, moved on to the next working day when that day is off (民法典 第二百零三条). The
-- day as counted is kept, so that a change of the calendar can move a pending follow-up again
-- (null for cases concluded before: their follow_up_due is the day as counted).
alter table dispute_case add column follow_up_counted_due date;

-- No SMS to parties at night or on days off (one-time codes excepted): one written then is held
-- until the next working morning. not_before shows the hold (next_attempt_at is set to it too, so
-- the sender's due query skips the row until then); the give-up age counts from it.
alter table partner_outbox add column not_before timestamp with time zone;
