-- The parties rate the service after the follow-up visit (issue 24, 评价): once per party per
-- case (the key refuses a second), 1 to 5 stars and an optional comment. The satisfaction rate
-- counts these beside the visits' own ratings (docs/statistics.md).
create table party_rating (
    case_id         bigint       not null,
    party_position  integer      not null,
    score           integer      not null check (score between 1 and 5),
    comment         varchar(500),
    rated_at        timestamp with time zone not null,
    primary key (case_id, party_position)
);
