-- Issue 20, the working calendar's rest. A follow-up falls due on the last day of its period in
-- calendar days, moved on to the next working day when that day is off (民法典 第二百零三条). The
-- day as counted is kept, so that a change of the calendar can move a pending follow-up again
-- (null for cases concluded before: their follow_up_due is the day as counted).
alter table dispute_case add column follow_up_counted_due date;
