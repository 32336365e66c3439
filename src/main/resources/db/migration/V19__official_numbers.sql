-- Official numbers (issue 20): per office and per year, a register number (登记编号) given when a
-- case is accepted (or an administrative matter filed), and a document number (文书编号) given to
-- the mediation agreement when it is first written. Each office configures their formats;
-- {year} is the year and {n:4} the counter, zero-padded to 4 digits. A counter row is locked
-- while a number is taken, in the transaction that stores it, so numbers are gapless and unique
-- across instances: a rolled-back acceptance gives its number back.
alter table office add column register_format varchar(64);
alter table office add column document_format varchar(64);

create table office_number_counter (
    office_code  varchar(40) not null references office(code),
    number_kind  varchar(16) not null check (number_kind in ('REGISTER', 'DOCUMENT')),
    number_year  integer     not null,
    last_number  integer     not null,
    primary key (office_code, number_kind, number_year)
);

alter table dispute_case add column register_number varchar(64);
alter table dispute_case add column register_office_code varchar(40);
alter table dispute_case add column agreement_number varchar(64);
alter table dispute_case add column ledger_number varchar(64);
create unique index dispute_case_register_number_idx on dispute_case(register_office_code, register_number);
create index dispute_case_register_lookup_idx on dispute_case(register_number);
create index dispute_case_agreement_number_idx on dispute_case(agreement_number);
create index dispute_case_ledger_number_idx on dispute_case(ledger_number);

-- the district's offices as they number their papers: 青赵调字〔2026〕第0012号 is the agreement of
-- the Zhaoxiang committee (青浦 赵巷 调解); a police station's mediation room adds 警
update office set register_format = '青夏调登〔{year}〕第{n:4}号', document_format = '青夏调字〔{year}〕第{n:4}号' where code = 'JO-XIAYANG';
update office set register_format = '青夏警调登〔{year}〕第{n:4}号', document_format = '青夏警调字〔{year}〕第{n:4}号' where code = 'PS-XIAYANG';
update office set register_format = '青盈调登〔{year}〕第{n:4}号', document_format = '青盈调字〔{year}〕第{n:4}号' where code = 'JO-YINGPU';
update office set register_format = '青盈警调登〔{year}〕第{n:4}号', document_format = '青盈警调字〔{year}〕第{n:4}号' where code = 'PS-YINGPU';
update office set register_format = '青香调登〔{year}〕第{n:4}号', document_format = '青香调字〔{year}〕第{n:4}号' where code = 'JO-XIANGHUAQIAO';
update office set register_format = '青香警调登〔{year}〕第{n:4}号', document_format = '青香警调字〔{year}〕第{n:4}号' where code = 'PS-XIANGHUAQIAO';
update office set register_format = '青朱调登〔{year}〕第{n:4}号', document_format = '青朱调字〔{year}〕第{n:4}号' where code = 'JO-ZHUJIAJIAO';
update office set register_format = '青朱警调登〔{year}〕第{n:4}号', document_format = '青朱警调字〔{year}〕第{n:4}号' where code = 'PS-ZHUJIAJIAO';
update office set register_format = '青练调登〔{year}〕第{n:4}号', document_format = '青练调字〔{year}〕第{n:4}号' where code = 'JO-LIANTANG';
update office set register_format = '青练警调登〔{year}〕第{n:4}号', document_format = '青练警调字〔{year}〕第{n:4}号' where code = 'PS-LIANTANG';
update office set register_format = '青金调登〔{year}〕第{n:4}号', document_format = '青金调字〔{year}〕第{n:4}号' where code = 'JO-JINZE';
update office set register_format = '青金警调登〔{year}〕第{n:4}号', document_format = '青金警调字〔{year}〕第{n:4}号' where code = 'PS-JINZE';
update office set register_format = '青赵调登〔{year}〕第{n:4}号', document_format = '青赵调字〔{year}〕第{n:4}号' where code = 'JO-ZHAOXIANG';
update office set register_format = '青赵警调登〔{year}〕第{n:4}号', document_format = '青赵警调字〔{year}〕第{n:4}号' where code = 'PS-ZHAOXIANG';
update office set register_format = '青徐调登〔{year}〕第{n:4}号', document_format = '青徐调字〔{year}〕第{n:4}号' where code = 'JO-XUJING';
update office set register_format = '青徐警调登〔{year}〕第{n:4}号', document_format = '青徐警调字〔{year}〕第{n:4}号' where code = 'PS-XUJING';
update office set register_format = '青华调登〔{year}〕第{n:4}号', document_format = '青华调字〔{year}〕第{n:4}号' where code = 'JO-HUAXIN';
update office set register_format = '青华警调登〔{year}〕第{n:4}号', document_format = '青华警调字〔{year}〕第{n:4}号' where code = 'PS-HUAXIN';
update office set register_format = '青重调登〔{year}〕第{n:4}号', document_format = '青重调字〔{year}〕第{n:4}号' where code = 'JO-CHONGGU';
update office set register_format = '青重警调登〔{year}〕第{n:4}号', document_format = '青重警调字〔{year}〕第{n:4}号' where code = 'PS-CHONGGU';
update office set register_format = '青白调登〔{year}〕第{n:4}号', document_format = '青白调字〔{year}〕第{n:4}号' where code = 'JO-BAIHE';
update office set register_format = '青白警调登〔{year}〕第{n:4}号', document_format = '青白警调字〔{year}〕第{n:4}号' where code = 'PS-BAIHE';
update office set register_format = '明理律调登〔{year}〕第{n:4}号', document_format = '明理律调字〔{year}〕第{n:4}号' where code = 'LF-MINGLI';
update office set register_format = '淀湖律调登〔{year}〕第{n:4}号', document_format = '淀湖律调字〔{year}〕第{n:4}号' where code = 'LF-DIANHU';
update office set register_format = '正衡律调登〔{year}〕第{n:4}号', document_format = '正衡律调字〔{year}〕第{n:4}号' where code = 'LF-ZHENGHENG';
update office set register_format = '守正律调登〔{year}〕第{n:4}号', document_format = '守正律调字〔{year}〕第{n:4}号' where code = 'LF-SHOUZHENG';
update office set register_format = '青调登〔{year}〕第{n:4}号', document_format = '青调字〔{year}〕第{n:4}号' where code = 'PMC-310118';
update office set register_format = '青非诉登〔{year}〕第{n:4}号', document_format = '青非诉字〔{year}〕第{n:4}号' where code = 'NLC-310118';
