using System.Globalization;
using System.Text.RegularExpressions;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>
/// Reads what a silo logged, one timestamped line per entry (the server's console format): which grains became active
/// on it and which jobs it handed to an executor, each with the time the silo logged it.
/// </summary>
internal static partial class SiloLog
{
    public sealed record Dispatch(string Job, int Attempt, string Cluster, DateTime At);

    public static IReadOnlyList<Dispatch> Dispatches(string output) =>
        Lines(output, DispatchedLine()).Select(m => new Dispatch(
            m.Match.Groups["job"].Value,
            int.Parse(m.Match.Groups["attempt"].Value, CultureInfo.InvariantCulture),
            m.Match.Groups["cluster"].Value,
            m.At)).ToList();

    /// <summary>The clusters whose grain logged its activation on this silo, with when it did.</summary>
    public static IReadOnlyList<(string Cluster, DateTime At)> ClusterActivations(string output) =>
        Lines(output, ClusterActiveLine()).Select(m => (m.Match.Groups["cluster"].Value, m.At)).ToList();

    /// <summary>When the scheduler grain logged its activation on this silo.</summary>
    public static IReadOnlyList<DateTime> SchedulerActivations(string output) =>
        Lines(output, SchedulerActiveLine()).Select(m => m.At).ToList();

    private static IEnumerable<(Match Match, DateTime At)> Lines(string output, Regex message)
    {
        foreach (var line in output.Split('\n'))
        {
            var match = message.Match(line);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (match.Success && space > 0 && DateTime.TryParse(line[..space], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at))
            {
                yield return (match, at);
            }
        }
    }

    [GeneratedRegex(@"dispatched job (?<job>\S+) attempt (?<attempt>\d+) to cluster (?<cluster>\S+)")]
    private static partial Regex DispatchedLine();

    [GeneratedRegex(@"cluster grain (?<cluster>\S+) active on silo")]
    private static partial Regex ClusterActiveLine();

    [GeneratedRegex(SiloCluster.SchedulerActiveLine + " on silo")]
    private static partial Regex SchedulerActiveLine();
}
