-- Gives the cases of benchmarks/statistics/generate.sql what the portal's list finds them by: two
-- parties each (an applicant with a phone and a respondent; Chinese names from 98 surnames and
-- 50 × 50 given names, so a full name is shared by some 80 parties, as common names are) and their
-- case_search rows, by the application's own statement (CaseSearch.fillMissing), with the trigram
-- index built after the rows. Usage: psql -v schema=... -f benchmarks/portal/parties.sql
set search_path to :schema;
set synchronous_commit to off;
set maintenance_work_mem to '512MB';

create temporary table bench_names as
    select string_to_array('王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 '
        || '彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 '
        || '方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔', ' ') as surname,
        string_to_array('伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 '
        || '萍 红 建 文 辉 力 兰 海 鑫 林 波 宁 斌 琳 云 飞 燕 峰 鹏 凤 洁 梅 志 新 春', ' ') as given;

insert into party (id, case_id, ordinal, role, kind, name, phone)
select 4000000000 + 2 * (c.id - 1000000000), c.id, 0, 'APPLICANT', 'PERSON',
       n.surname[1 + c.id % cardinality(n.surname)] || n.given[1 + (c.id / 100) % cardinality(n.given)]
           || n.given[1 + (c.id / 5000) % cardinality(n.given)],
       '139' || lpad((c.id % 100000000)::text, 8, '0')
from dispute_case c cross join bench_names n where c.created_by = 'benchmark';

insert into party (id, case_id, ordinal, role, kind, name)
select 4000000000 + 2 * (c.id - 1000000000) + 1, c.id, 1, 'RESPONDENT', 'PERSON',
       n.surname[1 + (c.id / 7) % cardinality(n.surname)] || n.given[1 + (c.id / 3) % cardinality(n.given)]
           || n.given[1 + (c.id / 11) % cardinality(n.given)]
from dispute_case c cross join bench_names n where c.created_by = 'benchmark';

drop index if exists case_search_terms_trgm;
insert into case_search (case_id, terms)
select c.id, lower(translate(left(c.case_number
         || coalesce(' ' || c.register_number, '') || coalesce(' ' || c.ledger_number, '')
         || coalesce(' ' || c.agreement_number, '')
         || coalesce(' ' || (select string_agg(p.name || coalesce(' ' || right(p.phone, 4), ''), ' ' order by p.ordinal)
                             from party p where p.case_id = c.id), '')
         || ' ' || c.summary, 6000), '[【（(［]】）)］', '〔〔〔〔〔〕〕〕〕〕'))
from dispute_case c
where c.created_by = 'benchmark' and not exists (select 1 from case_search s where s.case_id = c.id);
create index case_search_terms_trgm on case_search using gin (terms public.gin_trgm_ops);

analyze party;
analyze case_search;
select count(*) as parties from party;
select count(*) as searchable from case_search;
