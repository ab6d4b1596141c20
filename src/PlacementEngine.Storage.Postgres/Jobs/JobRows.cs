using Npgsql;
using PlacementEngine.Core;
using PlacementEngine.Storage.Postgres.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Postgres.Jobs;

/// <summary>How a <see cref="Job"/> maps to a row of the jobs table; the JSON documents are the embedded store's.</summary>
internal static class JobRows
{
    /// <summary>The columns <see cref="Read"/> expects, in its order.</summary>
    public const string Columns =
        "id, spec::text, idempotency_key, state, state_reason, version, created_at, updated_at, attempt, placement::text, blocked_pools::text";

    public const int ColumnCount = 11;

    public const string SubmissionOrder = "ORDER BY created_at, id";

    public const string NewestFirst = "ORDER BY created_at DESC, id DESC";

    /// <summary>The stored names of the states that hold pool capacity, for "state = ANY(@holding)".</summary>
    public static string[] HoldingStates { get; } = [.. JobStates.All.Where(s => s.HoldsCapacity()).Select(StoredNames.Of)];

    public static Job Read(NpgsqlDataReader row) => new(
        new JobId(row.GetString(0)),
        StoredJson.ReadSpec(row.GetString(1)),
        row.GetString(2),
        StoredNames.ParseState(row.GetString(3)),
        row.GetString(4),
        row.GetInt64(5),
        row.GetInstant(6),
        row.GetInstant(7),
        row.GetInt32(8),
        row.GetNullableString(9) is { } placement ? StoredJson.ReadPlacement(placement) : null,
        StoredJson.ReadBlockedPools(row.GetString(10)));

    /// <summary>Parameters for the columns a state change rewrites.</summary>
    public static (string Name, object? Value)[] MutableValues(Job job) =>
    [
        ("id", job.Id.Value),
        ("state", StoredNames.Of(job.State)),
        ("state_reason", job.StateReason),
        ("version", job.Version),
        ("updated_at", job.UpdatedAt),
        ("attempt", job.Attempt),
        ("placement", Commands.Json("placement", job.Placement is { } placement ? StoredJson.WritePlacement(placement) : null)),
        ("placement_pool", job.Placement?.Pool),
        ("placement_nodes", job.Placement?.Nodes),
        ("blocked_pools", Commands.Json("blocked_pools", StoredJson.WriteBlockedPools(job.BlockedPools))),
    ];

    /// <summary>Parameters of one transition row; seq is left to the statement.</summary>
    public static (string Name, object? Value)[] TransitionValues(StateTransition transition) =>
    [
        ("t_job_id", transition.JobId.Value),
        ("t_from", transition.From is { } from ? StoredNames.Of(from) : null),
        ("t_to", StoredNames.Of(transition.To)),
        ("t_reason", transition.Reason),
        ("t_at", transition.At),
    ];
}
