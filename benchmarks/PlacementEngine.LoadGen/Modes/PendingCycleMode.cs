using System.Globalization;
using PlacementEngine.LoadGen.Calls;
using PlacementEngine.LoadGen.Load;
using PlacementEngine.LoadGen.Options;
using PlacementEngine.LoadGen.Output;

namespace PlacementEngine.LoadGen.Modes;

/// <summary>
/// Loads --pending jobs that stay Pending, then averages the scheduling cycles that ran over the whole queue (from
/// the server's cycle histogram) and reads the server's memory: its own process metric and, with --server-pid, VmRSS
/// and the peak VmHWM from /proc.
/// </summary>
internal sealed class PendingCycleMode(LoadOptions options, LoadChannels channels, ResultWriter writer, TimeProvider time)
{
    /// <summary>Longest wait for the cycles to average; a cycle slower than this is a finding of its own.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ScrapeEvery = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        // Read once before loading, so an unreachable metrics address fails before 100,000 jobs are stored.
        await ScrapeAsync(http, cancellationToken).ConfigureAwait(false);
        var submissions = new Submissions(channels, JobSpecs.NewRunId());
        var plan = new LoadPlan(options.Concurrency, new RateSchedule(options.Rate), options.Pending, null);
        var loaded = await new LoadRunner(time).RunAsync("submit-pending", submissions.Submit(JobSpecs.StaysPending), plan, cancellationToken).ConfigureAwait(false);
        writer.Write([loaded]);

        var waitStart = time.GetTimestamp();
        var atLoad = await ScrapeAsync(http, cancellationToken).ConfigureAwait(false);
        // The cycle running when the last job was stored may have seen only part of the queue: averaging starts after it.
        var first = await WaitForCyclesAsync(http, atLoad.Cycles + 1, waitStart, cancellationToken).ConfigureAwait(false);
        var last = first is null ? null : await WaitForCyclesAsync(http, first.Cycles + options.Cycles, waitStart, cancellationToken).ConfigureAwait(false);
        if (first is null || last is null)
        {
            await Console.Error.WriteLineAsync($"the server ran fewer than {options.Cycles + 1} cycles in {MaxWait.TotalMinutes:0} minutes after the load").ConfigureAwait(false);
            return 1;
        }
        writer.Note("cycles averaged", Number(last.Cycles - first.Cycles, "0"));
        writer.Note("mean cycle seconds (snapshot to commit)", Number(last.MeanCycleSecondsSince(first), "0.000"));
        writer.Note("mean solve seconds", Number(last.MeanSolveSecondsSince(first), "0.000"));
        writer.Note("pending jobs (last cycle)", Number(last.PendingJobs, "0"));
        writer.Note("server RSS MiB (process_working_set_bytes)", Number(last.ResidentBytes / (1024.0 * 1024), "0"));
        if (options.ServerPid is { } pid)
        {
            var status = await File.ReadAllTextAsync($"/proc/{pid}/status", cancellationToken).ConfigureAwait(false);
            writer.Note("server VmRSS MiB", Number(ProcStatus.Kilobytes(status, "VmRSS") / 1024.0, "0"));
            writer.Note("server VmHWM MiB (peak RSS)", Number(ProcStatus.Kilobytes(status, "VmHWM") / 1024.0, "0"));
        }
        return 0;
    }

    private async Task<CycleSnapshot?> WaitForCyclesAsync(HttpClient http, double cycles, long since, CancellationToken cancellationToken)
    {
        while (time.GetElapsedTime(since) < MaxWait)
        {
            var snapshot = await ScrapeAsync(http, cancellationToken).ConfigureAwait(false);
            if (snapshot.Cycles >= cycles)
            {
                return snapshot;
            }
            await Task.Delay(ScrapeEvery, time, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    private async Task<CycleSnapshot> ScrapeAsync(HttpClient http, CancellationToken cancellationToken) =>
        CycleSnapshot.Parse(await http.GetStringAsync(options.Metrics, cancellationToken).ConfigureAwait(false));

    private static string Number(double? value, string pattern) => value?.ToString(pattern, CultureInfo.InvariantCulture) ?? "n/a";
}
