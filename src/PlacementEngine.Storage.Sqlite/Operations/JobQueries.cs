using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Operations;

/// <summary>Reads of jobs: by id, by state for the scheduler, and paged listings for the API.</summary>
internal static class JobQueries
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    private const string SelectById = $"SELECT {JobRows.Columns} FROM jobs WHERE id = @id";

    public static async Task<Job?> GetAsync(SqliteConnection connection, JobId id, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryPreparedAsync(SelectById, JobRows.Read, cancellationToken, ("@id", id.Value));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>In submission order. No states means no jobs: the scheduler always asks for specific ones.</summary>
    public static async Task<IReadOnlyList<Job>> ByStatesAsync(SqliteConnection connection, IReadOnlyCollection<JobState> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0)
        {
            return [];
        }
        var (list, parameters) = SqlCommands.InList("state", states.Distinct().Select(StoredNames.Of));
        using var command = connection.Command($"SELECT {JobRows.Columns} FROM jobs WHERE state IN ({list}) {JobRows.SubmissionOrder}", parameters);
        return await command.ReadAllAsync(JobRows.Read, cancellationToken);
    }

    /// <summary>
    /// One page in submission order or its reverse. Page sizes below 1 mean <see cref="DefaultPageSize"/>; above
    /// <see cref="MaxPageSize"/> they are cut to it. No states means every state.
    /// </summary>
    public static async Task<JobPage> ListAsync(SqliteConnection connection, JobQuery query, CancellationToken cancellationToken)
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
            parameters.Add(("@team", query.Team));
        }
        if (query.States.Count > 0)
        {
            var (list, states) = SqlCommands.InList("state", query.States.Distinct().Select(StoredNames.Of));
            conditions.Add($"state IN ({list})");
            parameters.AddRange(states);
        }
        if (query.NameContains.Length > 0)
        {
            // instr, not LIKE: the text is matched as written, with no wildcards to escape.
            conditions.Add("instr(name, @name_contains) > 0");
            parameters.Add(("@name_contains", query.NameContains));
        }
        if (after is { } token)
        {
            conditions.Add(query.NewestFirst ? "(created_at, id) < (@after_created_at, @after_id)" : "(created_at, id) > (@after_created_at, @after_id)");
            parameters.Add(("@after_created_at", StoredText.FormatInstant(token.CreatedAt)));
            parameters.Add(("@after_id", token.Id.Value));
        }
        // One row past the page tells whether another page follows.
        parameters.Add(("@limit", pageSize + 1));
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

        var order = query.NewestFirst ? JobRows.NewestFirst : JobRows.SubmissionOrder;
        using var command = connection.Command($"SELECT {JobRows.Columns} FROM jobs {where} {order} LIMIT @limit", [.. parameters]);
        var jobs = await command.ReadAllAsync(JobRows.Read, cancellationToken);
        if (jobs.Count <= pageSize)
        {
            return new JobPage(jobs, "");
        }
        jobs.RemoveAt(pageSize);
        return new JobPage(jobs, PageToken.After(jobs[^1], query.NewestFirst).Encode());
    }

    /// <summary>Every state, with zero for states no job is in, so a gauge per state never goes missing.</summary>
    public static async Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var counts = JobStates.All.ToDictionary(s => s, _ => 0);
        using var command = connection.Command("SELECT state, COUNT(*) FROM jobs GROUP BY state");
        foreach (var (state, count) in await command.ReadAllAsync(row => (StoredNames.ParseState(row.GetString(0)), row.GetInt32(1)), cancellationToken))
        {
            counts[state] = count;
        }
        return counts;
    }
}
