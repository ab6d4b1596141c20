using Npgsql;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Postgres.Database;
using PlacementEngine.Storage.Sqlite.Serialization;
using PageToken = PlacementEngine.Storage.Sqlite.Operations.PageToken;

namespace PlacementEngine.Storage.Postgres.Jobs;

/// <summary>Reads of jobs: by id, by state for the scheduler, paged listings (keyset, the embedded store's tokens) and transitions.</summary>
internal static class JobQueries
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static async Task<Job?> GetAsync(NpgsqlConnection connection, JobId id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {JobRows.Columns} FROM jobs WHERE id = @id", ("id", id.Value));
        var rows = await command.ReadAllAsync(JobRows.Read, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<IReadOnlyList<Job>> ByStatesAsync(NpgsqlConnection connection, IReadOnlyCollection<JobState> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0)
        {
            return [];
        }
        await using var command = connection.Command($"SELECT {JobRows.Columns} FROM jobs WHERE state = ANY(@states) {JobRows.SubmissionOrder}",
            ("states", StateNames(states)));
        return await command.ReadAllAsync(JobRows.Read, cancellationToken);
    }

    /// <summary>One page; sizes below 1 mean <see cref="DefaultPageSize"/>, above <see cref="MaxPageSize"/> are cut to it. No states means every state.</summary>
    public static async Task<JobPage> ListAsync(NpgsqlConnection connection, JobQuery query, CancellationToken cancellationToken)
    {
        var after = PageToken.Decode(query.PageToken);
        if (after is { } previous && previous.NewestFirst != query.NewestFirst)
        {
            throw new ArgumentException("the page token was issued for the other order; start again with an empty token", nameof(query));
        }
        var pageSize = query.PageSize < 1 ? DefaultPageSize : Math.Min(query.PageSize, MaxPageSize);
        var conditions = new List<string>();
        var parameters = new List<(string Name, object? Value)>();
        if (query.Team is not null)
        {
            conditions.Add("team = @team");
            parameters.Add(("team", query.Team));
        }
        if (query.States.Count > 0)
        {
            conditions.Add("state = ANY(@states)");
            parameters.Add(("states", StateNames(query.States)));
        }
        if (query.NameContains.Length > 0)
        {
            // strpos, not LIKE: the text is matched as written, with no wildcards to escape.
            conditions.Add("strpos(name, @name_contains) > 0");
            parameters.Add(("name_contains", query.NameContains));
        }
        if (after is { } token)
        {
            conditions.Add(query.NewestFirst ? "(created_at, id) < (@after_created_at, @after_id)" : "(created_at, id) > (@after_created_at, @after_id)");
            parameters.Add(("after_created_at", token.CreatedAt));
            parameters.Add(("after_id", token.Id.Value));
        }
        // One row past the page tells whether another page follows.
        parameters.Add(("limit", pageSize + 1));
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var order = query.NewestFirst ? JobRows.NewestFirst : JobRows.SubmissionOrder;
        await using var command = connection.Command($"SELECT {JobRows.Columns} FROM jobs {where} {order} LIMIT @limit", [.. parameters]);
        var jobs = await command.ReadAllAsync(JobRows.Read, cancellationToken);
        if (jobs.Count <= pageSize)
        {
            return new JobPage(jobs, "");
        }
        jobs.RemoveAt(pageSize);
        return new JobPage(jobs, PageToken.After(jobs[^1], query.NewestFirst).Encode());
    }

    public static async Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var counts = JobStates.All.ToDictionary(s => s, _ => 0);
        await using var command = connection.Command("SELECT state, COUNT(*) FROM jobs GROUP BY state");
        foreach (var (state, count) in await command.ReadAllAsync(row => (StoredNames.ParseState(row.GetString(0)), row.GetInt64(1)), cancellationToken))
        {
            counts[state] = (int)count;
        }
        return counts;
    }

    /// <summary>Oldest first, starting with the "submitted" entry.</summary>
    public static async Task<IReadOnlyList<StateTransition>> TransitionsAsync(NpgsqlConnection connection, JobId id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT from_state, to_state, reason, at FROM transitions WHERE job_id = @id ORDER BY seq", ("id", id.Value));
        return await command.ReadAllAsync(row => new StateTransition(
            id,
            row.GetNullableString(0) is { } from ? StoredNames.ParseState(from) : null,
            StoredNames.ParseState(row.GetString(1)),
            row.GetString(2),
            row.GetInstant(3)), cancellationToken);
    }

    private static string[] StateNames(IEnumerable<JobState> states) => [.. states.Distinct().Select(StoredNames.Of)];
}
