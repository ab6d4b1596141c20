using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.Commands;

namespace PlacementEngine.Cli.Tests.Fakes;

/// <summary>Runs placectl in-process with captured streams, a fixed environment and a fake API.</summary>
internal sealed class Placectl
{
    public FakePlacementApi Api { get; } = new();

    public FakePricingApi PricingApi { get; } = new();

    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>What the next command reads as standard input.</summary>
    public string Stdin { get; set; } = "";

    /// <summary>The settings the last command connected with.</summary>
    public ConnectionSettings? Connection { get; private set; }

    public async Task<PlacectlResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var host = new CliHost(stdout, stderr, name => Environment.GetValueOrDefault(name))
        {
            Stdin = new StringReader(Stdin),
            ConnectApi = settings =>
            {
                Connection = settings;
                return Api;
            },
            ConnectPricingApi = settings =>
            {
                Connection = settings;
                return PricingApi;
            },
        };
        var exitCode = await PlacectlApp.RunAsync(args, host);
        return new PlacectlResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record PlacectlResult(int ExitCode, string Stdout, string Stderr);
