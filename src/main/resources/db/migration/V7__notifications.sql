-- Notifications to people (issue 4) ride the partner outbox with kind EMAIL or SMS, so they are
-- retried, dead-lettered and never duplicated the same way; they have no partner.
alter table partner_outbox alter column partner_code drop not null;

-- Where an office hears about referrals and follow-ups, in which language, and whether its
-- cases' parties are told by SMS of acceptance and outcome. No row: the office is not notified.
create table office_notification (
    office_code     varchar(40)  primary key references office(code),
    email           varchar(200),
    locale          varchar(10)  not null,
    sms_to_parties  boolean      not null default false,
    updated_at      timestamp with time zone not null
);

-- Outbound referrals (issue 4): a partner agency that stands for an office of the district (the
-- court, the cross-province committee) receives the contract's referral message at its own URL
-- when an office refers a case to that office.
alter table partner add column outbound_office_code varchar(40) references office(code);
alter table partner add column referral_url varchar(500);
