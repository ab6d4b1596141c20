using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkJob = BenchmarkDotNet.Jobs.Job;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite;

namespace PlacementEngine.MicroBenchmarks;

/// <summary>
/// Durable submissions into the embedded store (synchronous=FULL: one sync of the log per commit) from 1, 16 and 64
/// callers at once, each submitting its share one after another. The time per operation is one submission:
/// submits/s = 1 s / Mean.
/// </summary>
[Config(typeof(ShortInProcess))]
public class SqliteSubmitBenchmarks
{
    private const int Submissions = 1024;
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private string _directory = "";
    private SqliteJobStore _store = null!;
    private JobSpec _spec = null!;
    private int _next;

    [Params(1, 16, 64)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"placement-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        _store = SqliteJobStore.Open(Path.Combine(_directory, "placement.db"));
        // A small job as a pipeline submits it; no scenario data is needed to store it.
        _spec = new JobSpec(
            "nightly-eval", "team-bench",
            new ContainerSpec("ghcr.io/acme/eval:1", ["python", "eval.py"], [], new Dictionary<string, string>()),
            new WorkerResources(1, [], 4m, 16m), 1, TimeSpan.FromHours(1), Residency.Anywhere, null,
            CapacityPolicy.SpotPreferred, null, null, null, 0, new Dictionary<string, string>(), new Dictionary<string, string>());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Submissions)]
    public Task Submit() => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(SubmitShareAsync)));

    private async Task SubmitShareAsync()
    {
        for (var i = 0; i < Submissions / Callers; i++)
        {
            var n = Interlocked.Increment(ref _next);
            var job = PlacementEngine.Core.Job.New(new JobId($"job-{n}"), _spec, $"key-{n}", Now);
            await _store.SubmitAsync(job, "fingerprint", CancellationToken.None);
        }
    }

    /// <summary>
    /// In this process (no second build of the project tree) and few iterations: a submission costs a sync of the
    /// disk, so an iteration takes seconds and its spread comes from the disk, not the timer.
    /// </summary>
    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess() =>
            AddJob(BenchmarkJob.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
    }
}
