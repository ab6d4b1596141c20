using System.Globalization;
using PlacementEngine.Scenarios;

namespace PlacementEngine.Benchmarks;

/// <summary>Reads the command line; every problem is reported, not just the first.</summary>
public static class OptionParser
{
    public const string Usage = """
        Runs every solver on the same scenario drawn from the shared real data and prints one comparison.

        usage: dotnet run -c Release --project benchmarks/PlacementEngine.Benchmarks -- [options]

          --size S|M|L|XL        scenario size: S 50 jobs x 40 pools, M 1,000 x 300, L 10,000 x 1,000, XL 50,000 x 2,000 (default M)
          --seed N               scenario seed (default 1)
          --seeds LIST           a sweep over many seeds of one size: 1-10, 1,4,7 or 1-3,8; a row per seed and
                                 solver, then per solver the min / median / max of gap and seconds
          --contended            free nodes for only about half of what the jobs need
          --format table|csv     output (default table)
          --solvers a,b,...      solvers to run, in order (default: all; exact only on S and M, and not with --single-job, unless named)
          --exact-seconds N      the exact solver's time limit per solve (default 60)
          --exact-backend B      the engine under the exact solver: cbc, cp-sat or scip (default cbc)
          --fast-target-gap X    the fast solver stops once its plan is within X of its bound (default 0.002)
          --fast-trace           print each phase of every fast solve (seconds, objective, bound) to standard error
          --data DIR             the shared data folder (default ../shared/data next to the checkout)
          --no-warmup            time each solver's first solve in the process too (default: each first solves S untimed)
          --single-job           time placing one job at a time against the size's fleet (use with --size L)
          --samples N            jobs timed in --single-job mode (default 1000)
          --help                 this text
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args, out IReadOnlyList<string> errors)
    {
        var options = new BenchmarkOptions();
        var problems = new List<string>();
        var seedOptions = new HashSet<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (name)
            {
                case "--size":
                    var size = Value();
                    if (ScenarioSizes.TryParse(size, out var parsedSize))
                    {
                        options.Size = parsedSize;
                    }
                    else
                    {
                        problems.Add($"--size: '{size}' is not one of S, M, L, XL");
                    }
                    break;
                case "--seed":
                    seedOptions.Add(name);
                    options.Seeds = Whole(name, Value(), int.MinValue, int.MaxValue, problems) is { } seed ? [seed] : options.Seeds;
                    break;
                case "--seeds":
                    seedOptions.Add(name);
                    options.Seeds = SeedList.Parse(Value(), out var seedsError) ?? options.Seeds;
                    if (seedsError is not null)
                    {
                        problems.Add($"--seeds: {seedsError}");
                    }
                    break;
                case "--contended":
                    options.Contended = true;
                    break;
                case "--format":
                    var format = Value();
                    if (format is "table" or "csv")
                    {
                        options.Format = format == "csv" ? OutputFormat.Csv : OutputFormat.Table;
                    }
                    else
                    {
                        problems.Add($"--format: '{format}' is not table or csv");
                    }
                    break;
                case "--solvers":
                    options.Solvers = Value()?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => s.ToLowerInvariant()).ToList();
                    if (options.Solvers is not { Count: > 0 })
                    {
                        problems.Add("--solvers: give at least one solver name");
                    }
                    break;
                case "--exact-seconds":
                    var seconds = Value();
                    if (double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 && parsed <= BenchmarkOptions.MaxExactSeconds)
                    {
                        options.ExactSeconds = parsed;
                    }
                    else
                    {
                        problems.Add($"--exact-seconds: '{seconds}' must be more than 0 and at most {BenchmarkOptions.MaxExactSeconds}");
                    }
                    break;
                case "--exact-backend":
                    var backend = Value();
                    if (backend is not null && PlacementEngine.Solvers.OrTools.ExactBackends.ByName.TryGetValue(backend, out var chosen))
                    {
                        options.ExactBackend = chosen;
                    }
                    else
                    {
                        problems.Add($"--exact-backend: '{backend}' is not one of {string.Join(", ", PlacementEngine.Solvers.OrTools.ExactBackends.ByName.Keys)}");
                    }
                    break;
                case "--fast-target-gap":
                    var gap = Value();
                    if (double.TryParse(gap, NumberStyles.Float, CultureInfo.InvariantCulture, out var target) && target is >= 0 and <= 1)
                    {
                        options.FastTargetGap = target;
                    }
                    else
                    {
                        problems.Add($"--fast-target-gap: '{gap}' must be a number from 0 to 1");
                    }
                    break;
                case "--data":
                    options.DataDirectory = Value();
                    if (options.DataDirectory is null)
                    {
                        problems.Add("--data: give a folder");
                    }
                    break;
                case "--single-job":
                    options.SingleJob = true;
                    break;
                case "--fast-trace":
                    options.FastTrace = true;
                    break;
                case "--no-warmup":
                    options.Warmup = false;
                    break;
                case "--samples":
                    options.Samples = Whole(name, Value(), 1, BenchmarkOptions.MaxSamples, problems) ?? options.Samples;
                    break;
                case "--help" or "-h":
                    options.Help = true;
                    break;
                default:
                    problems.Add($"unknown option '{name}'");
                    break;
            }
        }
        if (seedOptions.Count > 1)
        {
            problems.Add("--seed and --seeds cannot be used together: give one seed with --seed or a list with --seeds");
        }
        if (options.SingleJob && options.Seeds.Count > 1)
        {
            problems.Add("--single-job times one scenario: give one seed");
        }
        errors = problems;
        return options;
    }

    private static int? Whole(string option, string? text, int min, int max, List<string> problems)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        problems.Add(min == int.MinValue ? $"{option}: '{text}' is not a whole number" : $"{option}: '{text}' must be a whole number from {min} to {max}");
        return null;
    }
}
