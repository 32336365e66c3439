-- Which application instance runs each statistics execution (issue 8). The instance renews its
-- leases every few seconds; an execution whose lease ran out belongs to an instance that died
-- and is marked FAILED by any instance, so that it can be restarted from any other. An instance
-- that starts again under the same name fails its previous life's executions at once.
create table stat_execution_lease (
    execution_id    bigint       primary key,
    instance_name   varchar(100) not null,
    process_id      varchar(36)  not null,   -- one per start of an instance
    renewed_at      timestamp with time zone not null
);
create index stat_execution_lease_process_idx on stat_execution_lease(process_id);
