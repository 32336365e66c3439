-- pgbench baseline for one case intake (issue 8): the writes an intake makes in its transaction,
-- without the Java around them, as PostgreSQL's statement log shows them: a case number, the case
-- row, two parties, the RECEIVED history event, the handling office as participant, and the
-- record that the caller was shown the parties' full personal data (personal_data_view), and the
-- case's search terms (case_search, with its pg_trgm index: written by every intake since V31). Ids come
-- from bench_id_seq (the application draws its ids in blocks of 50 from its own sequences). Not
-- here: the account read of the Basic check and the same-parties lookup, the intake's two reads.
\set d random(1, 28)
BEGIN;
SELECT nextval('case_number_seq') AS cn, nextval('bench_id_seq') AS id \gset
INSERT INTO dispute_case (id, case_number, matter_kind, status, channel, intake_mode, dispute_type, summary,
    region_code, address, amount_involved, people_involved, risk_level, receiving_office_code,
    handling_office_code, occurred_at, received_at, created_by, version)
VALUES (:id, 'PB2026-' || :cn, 'PEOPLES_MEDIATION', 'RECEIVED', 'POLICE_110', 'PROACTIVE', 'NEIGHBOR',
    '楼上漏水，双方多次争吵（pgbench）', '310118104', '青浦区赵巷镇某路1号', 12000.00, 2, 'LOW',
    'PS-ZHAOXIANG', 'PS-ZHAOXIANG', now(), now(), 'police', 0);
INSERT INTO party (id, case_id, ordinal, role, kind, name, id_number, phone)
VALUES (nextval('bench_id_seq'), :id, 0, 'APPLICANT', 'PERSON', '张三', '310118198001' || lpad(:d::text, 2, '0') || '123X', '13800138000');
INSERT INTO party (id, case_id, ordinal, role, kind, name, id_number, phone)
VALUES (nextval('bench_id_seq'), :id, 1, 'RESPONDENT', 'PERSON', '李四', '310118197502' || lpad(:d::text, 2, '0') || '456X', '13900139000');
INSERT INTO case_event (id, case_id, type, occurred_at, actor, office_code, detail, before_state, after_state)
VALUES (nextval('bench_id_seq'), :id, 'RECEIVED', now(), 'police', 'PS-ZHAOXIANG', '{"channel":"POLICE_110","disputeType":"NEIGHBOR","fromLedger":false}', NULL, 'RECEIVED');
INSERT INTO case_search (case_id, terms)
VALUES (:id, 'pb2026-' || :cn || ' 张三 8000 李四 9000 楼上漏水，双方多次争吵〔pgbench〕');
INSERT INTO case_participant (case_id, office_code, part, since, case_received_at) VALUES (:id, 'PS-ZHAOXIANG', 'HANDLING', now(), now());
INSERT INTO personal_data_view (id, case_id, viewer, office_code, viewed_at, purpose)
VALUES (nextval('bench_id_seq'), :id, 'police', 'PS-ZHAOXIANG', now(), 'INTAKE');
END;
