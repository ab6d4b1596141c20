namespace PlacementEngine.Storage.Sqlite.Schema;

/// <summary>
/// The first schema. Times are fixed-width UTC text (ordered as text), money and decimals are decimal text
/// (never REAL), enums are their stored names. placement_pool and placement_nodes repeat two fields of the
/// placement JSON so capacity can be summed and checked inside the commit transaction with an index.
/// </summary>
internal static class Migration0001Initial
{
    public const string Sql = """
        CREATE TABLE jobs (
            id                TEXT    NOT NULL PRIMARY KEY,
            team              TEXT    NOT NULL,
            name              TEXT    NOT NULL,
            idempotency_key   TEXT    NOT NULL,
            spec              TEXT    NOT NULL,
            spec_fingerprint  TEXT    NOT NULL,
            state             TEXT    NOT NULL CHECK (state IN ('pending', 'placed', 'dispatched', 'running', 'succeeded', 'failed', 'unschedulable', 'preempted', 'cancelled')),
            state_reason      TEXT    NOT NULL,
            version           INTEGER NOT NULL CHECK (version >= 1),
            created_at        TEXT    NOT NULL,
            updated_at        TEXT    NOT NULL,
            attempt           INTEGER NOT NULL CHECK (attempt >= 0),
            placement         TEXT    NULL,
            placement_pool    TEXT    NULL,
            placement_nodes   INTEGER NULL,
            blocked_pools     TEXT    NOT NULL,
            UNIQUE (team, idempotency_key)
        );
        CREATE INDEX jobs_by_created ON jobs (created_at, id);
        CREATE INDEX jobs_by_team ON jobs (team, created_at, id);
        CREATE INDEX jobs_by_state ON jobs (state, created_at, id);
        CREATE INDEX jobs_by_pool ON jobs (placement_pool, state);

        -- seq 1 is the "submitted" entry (Pending -> Pending); every later row is one lifecycle transition.
        CREATE TABLE transitions (
            job_id      TEXT    NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            seq         INTEGER NOT NULL,
            from_state  TEXT    NOT NULL,
            to_state    TEXT    NOT NULL,
            reason      TEXT    NOT NULL,
            at          TEXT    NOT NULL,
            PRIMARY KEY (job_id, seq)
        ) WITHOUT ROWID;

        -- One row per dispatch of a job: where it ran, what it was expected to cost and what it did cost.
        CREATE TABLE attempts (
            job_id         TEXT    NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            attempt        INTEGER NOT NULL,
            cluster        TEXT    NOT NULL,
            pool           TEXT    NOT NULL,
            cloud          TEXT    NOT NULL,
            region         TEXT    NOT NULL,
            instance_type  TEXT    NOT NULL,
            capacity_type  TEXT    NOT NULL,
            nodes          INTEGER NOT NULL CHECK (nodes > 0),
            expected_cost  TEXT    NOT NULL,
            started_at     TEXT    NOT NULL,
            running_at     TEXT    NULL,
            ended_at       TEXT    NULL,
            outcome        TEXT    NULL,
            actual_cost    TEXT    NULL,
            PRIMARY KEY (job_id, attempt),
            CHECK ((ended_at IS NULL) = (actual_cost IS NULL))
        );
        CREATE INDEX attempts_open ON attempts (ended_at, job_id);
        """;
}
