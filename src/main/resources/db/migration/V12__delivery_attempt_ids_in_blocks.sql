-- Delivery attempts are recorded a chunk at a time (one transaction per chunk of up to 20
-- messages); ids handed out in blocks of 50 let JPA batch their inserts instead of asking the
-- sequence once per row. Instances take different blocks, so a message's attempts are listed
-- by their time (Outbox#attempts), not by id.
alter sequence partner_delivery_attempt_seq increment by 50;
