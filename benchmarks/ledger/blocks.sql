-- Rows/s of an import by blocks of 1,000 rows, from the times ledger_row keeps (imported_at: per
-- row before chunks, per chunk of 100 rows after), for the rows of :office imported after :after
-- (the big file's, not the 1,000-row baseline's). psql -v schema=… -v office=… -v after=… -f blocks.sql
set search_path to :schema;
with r as (
  select imported_at, (row_number() over (order by imported_at, ledger_id) - 1) / 1000 as block
  from ledger_row where office_code = :'office' and imported_at > :'after'::timestamptz
), b as (
  select block, count(*) as n, extract(epoch from max(imported_at) - min(imported_at)) as s from r group by block
), first_last as (
  select min(imported_at) as t0, max(imported_at) as t1, count(*) as n from r
)
select (select n from first_last) as rows_stored,
       round(((select n from first_last) / nullif(extract(epoch from (select t1 - t0 from first_last)), 0))::numeric, 1) as overall_rows_per_s,
       round(percentile_cont(0.5) within group (order by n / nullif(s, 0))::numeric, 1) as median_block_rows_per_s,
       round(min(n / nullif(s, 0))::numeric, 1) as min_block, round(max(n / nullif(s, 0))::numeric, 1) as max_block,
       count(*) as blocks
from b where n = 1000;
