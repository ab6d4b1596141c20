namespace PlacementEngine.Storage.Postgres.Schema;

/// <summary>
/// Jobs, their transitions and attempts. Native types: instants are timestamptz (microseconds), money is
/// numeric (exact, scale kept), specs and placements are the embedded store's JSON documents as jsonb.
/// Identifiers that listings sort by use the "C" collation, so order is ordinal whatever the database's locale.
/// placement_pool and placement_nodes repeat two fields of the placement so capacity is summed with an index.
/// </summary>
internal static class Migration0001Jobs
{
    public const string Sql = """
        CREATE TABLE jobs (
            id                text COLLATE "C" NOT NULL PRIMARY KEY,
            team              text        NOT NULL,
            name              text        NOT NULL,
            idempotency_key   text        NOT NULL,
            spec              jsonb       NOT NULL,
            spec_fingerprint  text        NOT NULL,
            state             text        NOT NULL CHECK (state IN ('pending', 'placed', 'dispatched', 'running', 'succeeded', 'failed', 'unschedulable', 'preempted', 'cancelled')),
            state_reason      text        NOT NULL,
            version           bigint      NOT NULL CHECK (version >= 1),
            created_at        timestamptz NOT NULL,
            updated_at        timestamptz NOT NULL,
            attempt           integer     NOT NULL CHECK (attempt >= 0),
            placement         jsonb       NULL,
            placement_pool    text        NULL,
            placement_nodes   integer     NULL,
            blocked_pools     jsonb       NOT NULL,
            UNIQUE (team, idempotency_key)
        );
        CREATE INDEX jobs_by_created ON jobs (created_at, id);
        CREATE INDEX jobs_by_team ON jobs (team, created_at, id);
        CREATE INDEX jobs_by_state ON jobs (state, created_at, id);
        CREATE INDEX jobs_by_pool ON jobs (placement_pool, state) WHERE placement_pool IS NOT NULL;

        -- seq 1 is the "submitted" entry (no previous state); the n-th entry brought the job to version n.
        CREATE TABLE transitions (
            job_id      text COLLATE "C" NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            seq         integer     NOT NULL,
            from_state  text        NULL,
            to_state    text        NOT NULL,
            reason      text        NOT NULL,
            at          timestamptz NOT NULL,
            PRIMARY KEY (job_id, seq)
        );

        -- One row per dispatch of a job: where it ran, what it was expected to cost and what it did cost.
        CREATE TABLE attempts (
            job_id         text COLLATE "C" NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            attempt        integer     NOT NULL,
            cluster        text COLLATE "C" NOT NULL,
            pool           text        NOT NULL,
            cloud          text COLLATE "C" NOT NULL,
            region         text COLLATE "C" NOT NULL,
            instance_type  text        NOT NULL,
            capacity_type  text COLLATE "C" NOT NULL,
            nodes          integer     NOT NULL CHECK (nodes > 0),
            expected_cost  numeric     NOT NULL,
            started_at     timestamptz NOT NULL,
            running_at     timestamptz NULL,
            ended_at       timestamptz NULL,
            outcome        text        NULL,
            actual_cost    numeric     NULL,
            PRIMARY KEY (job_id, attempt),
            CHECK ((ended_at IS NULL) = (actual_cost IS NULL))
        );
        CREATE INDEX attempts_ended ON attempts (job_id) WHERE ended_at IS NOT NULL;

        -- One row per pool any reservation named. A commit that reserves capacity locks its pools' rows first
        -- (in name order), so committers in different processes check and take a pool's capacity one at a time.
        CREATE TABLE pools (
            pool  text COLLATE "C" NOT NULL PRIMARY KEY
        );
        """;
}
