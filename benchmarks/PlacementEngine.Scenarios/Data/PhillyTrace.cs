using System.Globalization;

namespace PlacementEngine.Scenarios;

/// <summary>One job of Microsoft's Philly GPU cluster trace as recorded: when it was submitted, how long it ran, how many GPUs it held.</summary>
/// <param name="Row">The job's data row in the file (0-based), which names it in scenarios.</param>
/// <param name="VirtualCluster">Philly's virtual cluster: the team the job belonged to.</param>
public sealed record TraceJob(int Row, DateTime Submitted, int DurationSeconds, int Gpus, string VirtualCluster);

/// <summary>
/// pollux_philly_jobs.csv (timestamp, duration, num_gpus, gpu_time, cluster). The file is not in submit order, so the
/// jobs are sorted by submit time (then row) to give the arrival order. Rows missing a field are skipped.
/// </summary>
public static class PhillyTrace
{
    public const string FileName = "pollux_philly_jobs.csv";

    public static IReadOnlyList<TraceJob> Read(string tracesDirectory)
    {
        var table = CsvTable.Read(Path.Combine(tracesDirectory, FileName));
        int timestamp = table.Column("timestamp"), duration = table.Column("duration"), gpus = table.Column("num_gpus");
        int cluster = table.Column("cluster");
        var jobs = new List<TraceJob>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            if (!DateTime.TryParseExact(CsvTable.Cell(row, timestamp), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var submitted)
                || CsvTable.Decimal(row, duration) is not { } seconds || seconds < 1m
                || CsvTable.Decimal(row, gpus) is not { } count || count < 1m)
            {
                continue;
            }
            jobs.Add(new TraceJob(i, submitted, (int)decimal.Ceiling(seconds), (int)count, CsvTable.Cell(row, cluster)));
        }
        jobs.Sort((a, b) => a.Submitted != b.Submitted ? a.Submitted.CompareTo(b.Submitted) : a.Row.CompareTo(b.Row));
        return jobs;
    }
}
