using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.TestKit;

/// <summary>
/// Where an in-memory listing stopped: the (created_at, id) of the last job returned and the order, so jobs
/// added between pages neither repeat nor skip listed ones, and a token made for one order fails in the other,
/// as the real stores' tokens do. Anything else is refused with <see cref="ArgumentException"/>.
/// </summary>
internal readonly record struct InMemoryPageToken(long CreatedAtTicks, string Id, bool NewestFirst)
{
    private const string Prefix = "memory-v1";

    public static string After(Job job, bool newestFirst) =>
        string.Join('|', Prefix, job.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), newestFirst ? "newest" : "oldest", job.Id.Value);

    /// <summary>Null for the empty token (the first page).</summary>
    public static InMemoryPageToken? Decode(string token, bool newestFirst)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var parts = token.Split('|', 4);
        if (parts.Length != 4 || parts[0] != Prefix || parts[2] is not ("newest" or "oldest")
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            throw new ArgumentException("the page token is not one this store issued; start again with an empty token", nameof(token));
        }
        if ((parts[2] == "newest") != newestFirst)
        {
            throw new ArgumentException("the page token was issued for the other order; start again with an empty token", nameof(token));
        }
        return new InMemoryPageToken(ticks, parts[3], newestFirst);
    }

    /// <summary>True when <paramref name="job"/> comes after this token in its listing's order.</summary>
    public bool IsBefore(Job job)
    {
        var order = job.CreatedAt.UtcTicks.CompareTo(CreatedAtTicks);
        if (order == 0)
        {
            order = string.CompareOrdinal(job.Id.Value, Id);
        }
        return NewestFirst ? order < 0 : order > 0;
    }
}
