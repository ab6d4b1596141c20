using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Operations;

/// <summary>How a <see cref="Job"/> maps to a row of the jobs table.</summary>
internal static class JobRows
{
    /// <summary>The columns <see cref="Read"/> expects, in its order.</summary>
    public const string Columns =
        "id, spec, idempotency_key, state, state_reason, version, created_at, updated_at, attempt, placement, blocked_pools";

    /// <summary>How many columns <see cref="Columns"/> names; a query may select more after them.</summary>
    public const int ColumnCount = 11;

    /// <summary>Orders jobs the way they were submitted; id breaks ties between jobs submitted in the same tick.</summary>
    public const string SubmissionOrder = "ORDER BY created_at, id";

    /// <summary>The reverse of <see cref="SubmissionOrder"/>.</summary>
    public const string NewestFirst = "ORDER BY created_at DESC, id DESC";

    public static Job Read(SqliteDataReader row) => new(
        new JobId(row.GetString(0)),
        StoredJson.ReadSpec(row.GetString(1)),
        row.GetString(2),
        StoredNames.ParseState(row.GetString(3)),
        row.GetString(4),
        row.GetInt64(5),
        StoredText.ParseInstant(row.GetString(6)),
        StoredText.ParseInstant(row.GetString(7)),
        row.GetInt32(8),
        row.GetNullableString(9) is { } placement ? StoredJson.ReadPlacement(placement) : null,
        StoredJson.ReadBlockedPools(row.GetString(10)));

    /// <summary>Parameters for the columns a state change rewrites.</summary>
    public static (string Name, object? Value)[] MutableValues(Job job) =>
    [
        ("@id", job.Id.Value),
        ("@state", StoredNames.Of(job.State)),
        ("@state_reason", job.StateReason),
        ("@version", job.Version),
        ("@updated_at", StoredText.FormatInstant(job.UpdatedAt)),
        ("@attempt", job.Attempt),
        ("@placement", job.Placement is { } placement ? StoredJson.WritePlacement(placement) : null),
        ("@placement_pool", job.Placement?.Pool),
        ("@placement_nodes", job.Placement?.Nodes),
        ("@blocked_pools", StoredJson.WriteBlockedPools(job.BlockedPools)),
    ];

    /// <summary>The stored names of the states that hold pool capacity, as a SQL list of literals.</summary>
    public static string HoldingCapacityStates { get; } =
        string.Join(", ", JobStates.All.Where(s => s.HoldsCapacity()).Select(s => $"'{StoredNames.Of(s)}'"));
}
