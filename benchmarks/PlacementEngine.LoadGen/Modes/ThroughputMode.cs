using System.Globalization;
using PlacementEngine.LoadGen.Calls;
using PlacementEngine.LoadGen.Load;
using PlacementEngine.LoadGen.Options;
using PlacementEngine.LoadGen.Output;

namespace PlacementEngine.LoadGen.Modes;

/// <summary>Unary calls at full speed (or at a rate): SubmitJob, the health check, or the health check then SubmitJob.</summary>
internal sealed class ThroughputMode(LoadOptions options, LoadChannels channels, ResultWriter writer, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var runner = new LoadRunner(time);
        var names = options.Call switch
        {
            CallKind.Health => ["health"],
            CallKind.Submit => ["submit"],
            _ => new[] { "health", "submit" },
        };
        var results = new List<RunResult>();
        foreach (var name in names)
        {
            if (options.Warmup > TimeSpan.Zero)
            {
                // Unreported: the first calls pay for JIT compilation and connection set-up, on both ends.
                await runner.RunAsync(name, CallFor(name), Plan(null, options.Warmup), cancellationToken).ConfigureAwait(false);
            }
            results.Add(await runner.RunAsync(name, CallFor(name), Plan(options.Count, options.Duration), cancellationToken).ConfigureAwait(false));
        }
        writer.Write(results);
        if (results.Count == 2 && results[0].Throughput > 0)
        {
            var share = results[1].Throughput / results[0].Throughput;
            writer.Note("submit throughput / health ceiling", share.ToString("0.000", CultureInfo.InvariantCulture));
        }
        return 0;
    }

    /// <summary>Each run submits under its own run id, so no submission repeats a key of the warm-up (which would be answered from the store).</summary>
    private UnaryCall CallFor(string name)
    {
        var submissions = new Submissions(channels, JobSpecs.NewRunId());
        return name == "health" ? submissions.Health() : submissions.Submit(JobSpecs.Placeable);
    }

    private LoadPlan Plan(long? count, TimeSpan? duration) => new(options.Concurrency, new RateSchedule(options.Rate), count, duration);
}
