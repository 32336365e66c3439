-- Issue 21: when a confirmation claimed an upload (status CONFIRMING), renewed while it stores its
-- rows. A confirmation that died with its instance leaves the upload CONFIRMING; once the claim is
-- older than trilink.ledger.confirming-stale-seconds the upload may be confirmed again (rows stored
-- before then count as imported before), and the nightly purge gives it back as STAGED.
alter table ledger_upload add column claimed_at timestamp with time zone;
