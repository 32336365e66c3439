-- The district this installation serves: Qingpu District, Shanghai, its 11 towns and streets,
-- and the offices of the three-office linkage. Reference data, the same in demo and production;
-- administrators add or deactivate offices later.

insert into region (code, parent_code, level, name_zh, name_en) values ('310118', null, 'DISTRICT', '青浦区', 'Qingpu District');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118001', '310118', 'TOWN', '夏阳街道', 'Xiayang Street');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118002', '310118', 'TOWN', '盈浦街道', 'Yingpu Street');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118003', '310118', 'TOWN', '香花桥街道', 'Xianghuaqiao Street');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118101', '310118', 'TOWN', '朱家角镇', 'Zhujiajiao Town');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118102', '310118', 'TOWN', '练塘镇', 'Liantang Town');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118103', '310118', 'TOWN', '金泽镇', 'Jinze Town');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118104', '310118', 'TOWN', '赵巷镇', 'Zhaoxiang Town');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118105', '310118', 'TOWN', '徐泾镇', 'Xujing Town');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118106', '310118', 'TOWN', '华新镇', 'Huaxin Town');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118107', '310118', 'TOWN', '重固镇', 'Chonggu Town');
insert into region (code, parent_code, level, name_zh, name_en) values ('310118108', '310118', 'TOWN', '白鹤镇', 'Baihe Town');

insert into office (code, type, name_zh, name_en, region_code) values ('JO-XIAYANG', 'JUDICIAL_OFFICE', '夏阳司法所', 'Xiayang Judicial Office', '310118001');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-XIAYANG', 'POLICE_STATION', '夏阳派出所', 'Xiayang Police Station', '310118001');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-YINGPU', 'JUDICIAL_OFFICE', '盈浦司法所', 'Yingpu Judicial Office', '310118002');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-YINGPU', 'POLICE_STATION', '盈浦派出所', 'Yingpu Police Station', '310118002');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-XIANGHUAQIAO', 'JUDICIAL_OFFICE', '香花桥司法所', 'Xianghuaqiao Judicial Office', '310118003');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-XIANGHUAQIAO', 'POLICE_STATION', '香花桥派出所', 'Xianghuaqiao Police Station', '310118003');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-ZHUJIAJIAO', 'JUDICIAL_OFFICE', '朱家角司法所', 'Zhujiajiao Judicial Office', '310118101');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-ZHUJIAJIAO', 'POLICE_STATION', '朱家角派出所', 'Zhujiajiao Police Station', '310118101');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-LIANTANG', 'JUDICIAL_OFFICE', '练塘司法所', 'Liantang Judicial Office', '310118102');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-LIANTANG', 'POLICE_STATION', '练塘派出所', 'Liantang Police Station', '310118102');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-JINZE', 'JUDICIAL_OFFICE', '金泽司法所', 'Jinze Judicial Office', '310118103');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-JINZE', 'POLICE_STATION', '金泽派出所', 'Jinze Police Station', '310118103');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-ZHAOXIANG', 'JUDICIAL_OFFICE', '赵巷司法所', 'Zhaoxiang Judicial Office', '310118104');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-ZHAOXIANG', 'POLICE_STATION', '赵巷派出所', 'Zhaoxiang Police Station', '310118104');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-XUJING', 'JUDICIAL_OFFICE', '徐泾司法所', 'Xujing Judicial Office', '310118105');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-XUJING', 'POLICE_STATION', '徐泾派出所', 'Xujing Police Station', '310118105');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-HUAXIN', 'JUDICIAL_OFFICE', '华新司法所', 'Huaxin Judicial Office', '310118106');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-HUAXIN', 'POLICE_STATION', '华新派出所', 'Huaxin Police Station', '310118106');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-CHONGGU', 'JUDICIAL_OFFICE', '重固司法所', 'Chonggu Judicial Office', '310118107');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-CHONGGU', 'POLICE_STATION', '重固派出所', 'Chonggu Police Station', '310118107');
insert into office (code, type, name_zh, name_en, region_code) values ('JO-BAIHE', 'JUDICIAL_OFFICE', '白鹤司法所', 'Baihe Judicial Office', '310118108');
insert into office (code, type, name_zh, name_en, region_code) values ('PS-BAIHE', 'POLICE_STATION', '白鹤派出所', 'Baihe Police Station', '310118108');
insert into office (code, type, name_zh, name_en, region_code) values ('LF-MINGLI', 'LAW_FIRM', '上海明理律师事务所', 'Shanghai Mingli Law Firm', '310118002');
insert into office (code, type, name_zh, name_en, region_code) values ('LF-DIANHU', 'LAW_FIRM', '上海淀湖律师事务所', 'Shanghai Dianhu Law Firm', '310118001');
insert into office (code, type, name_zh, name_en, region_code) values ('LF-ZHENGHENG', 'LAW_FIRM', '上海正衡律师事务所', 'Shanghai Zhengheng Law Firm', '310118101');
insert into office (code, type, name_zh, name_en, region_code) values ('LF-SHOUZHENG', 'LAW_FIRM', '上海守正律师事务所', 'Shanghai Shouzheng Law Firm', '310118105');
insert into office (code, type, name_zh, name_en, region_code) values ('PMC-310118', 'MEDIATION_COMMITTEE', '青浦区人民调解委员会', 'Qingpu District People''s Mediation Committee', '310118');
insert into office (code, type, name_zh, name_en, region_code) values ('NLC-310118', 'MEDIATION_COMMITTEE', '青浦区非诉讼争议解决中心', 'Qingpu Non-litigation Dispute Resolution Centre', '310118');
insert into office (code, type, name_zh, name_en, region_code) values ('COURT-310118', 'COURT', '青浦区人民法院', 'Qingpu District People''s Court', '310118');
insert into office (code, type, name_zh, name_en, region_code) values ('HOTLINE-12345', 'HOTLINE', '12345市民服务热线青浦分中心', '12345 Citizen Hotline, Qingpu', '310118');
insert into office (code, type, name_zh, name_en, region_code) values ('YRD-JOINT', 'PARTNER_AGENCY', '示范区联合人民调解委员会', 'Demonstration Zone Joint People''s Mediation Committee', '310118');

-- Deadlines by office type: referral acceptance (one working day by default) and follow-up after an outcome.
insert into deadline_setting (office_type, referral_deadline_hours, follow_up_days) values ('POLICE_STATION', 24, 30);
insert into deadline_setting (office_type, referral_deadline_hours, follow_up_days) values ('JUDICIAL_OFFICE', 24, 30);
insert into deadline_setting (office_type, referral_deadline_hours, follow_up_days) values ('LAW_FIRM', 24, 30);
insert into deadline_setting (office_type, referral_deadline_hours, follow_up_days) values ('MEDIATION_COMMITTEE', 24, 30);
insert into deadline_setting (office_type, referral_deadline_hours, follow_up_days) values ('COURT', 72, 30);
insert into deadline_setting (office_type, referral_deadline_hours, follow_up_days) values ('HOTLINE', 24, 30);
insert into deadline_setting (office_type, referral_deadline_hours, follow_up_days) values ('PARTNER_AGENCY', 72, 30);
