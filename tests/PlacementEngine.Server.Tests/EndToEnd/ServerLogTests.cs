using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>The real server's log, as an operator reads it: --log-level, a UTC time on every line, no line per call.</summary>
public sealed partial class ServerLogTests
{
    private const int Calls = 40;

    [Fact]
    public async Task Log_AtInformation_EveryLineStartsWithUtcTimeAndCallsAddNoLines()
    {
        await using var server = await ServerProcess.StartAsync("--log-level", "Information");
        await server.WaitForOutputAsync(line => line.Contains("placement-server listening", StringComparison.Ordinal));
        var before = Lines(server.Output).Count;

        using (var connection = server.Connect(DemoTokens.Vision))
        {
            for (var i = 0; i < Calls / 2; i++)
            {
                await connection.Fleet.ListClustersAsync(new ListClustersRequest(), deadline: ServerConnection.In(TimeSpan.FromSeconds(30)));
                var missing = await Assert.ThrowsAsync<RpcException>(() => connection.Jobs.GetJobAsync(
                    new GetJobRequest { Id = "no-such-job" }, deadline: ServerConnection.In(TimeSpan.FromSeconds(30))).ResponseAsync);
                Assert.Equal(StatusCode.NotFound, missing.StatusCode);
            }
        }
        // Stopping flushes the log, so every line the calls caused is in the output before it is counted.
        await server.StopAsync();

        var lines = Lines(server.Output);
        Assert.All(lines, line => Assert.Matches(TimestampedLine(), line));
        Assert.All(lines, line => Assert.True(
            DateTime.ParseExact(line[..24], "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) is var time
            && Math.Abs((DateTime.UtcNow - time).TotalMinutes) < 10, $"not UTC now: {line}"));
        Assert.DoesNotContain(lines, line => line.Contains("/placement.v1.", StringComparison.Ordinal));
        // Between start-up and shutdown, far fewer lines than calls. Grains log once as they activate, which may come
        // after the server listens, and shutdown has lines of its own (Orleans reports grains it could not move):
        // neither is a line per call.
        var duringCalls = lines.Skip(before)
            .TakeWhile(line => !line.Contains("Application is shutting down", StringComparison.Ordinal))
            .Count(line => !line.Contains(" active on silo ", StringComparison.Ordinal));
        Assert.True(duringCalls < Calls / 4, $"{duringCalls} lines for {Calls} calls:\n{server.Output}");
    }

    [Fact]
    public async Task Log_AtDebug_ShowsDebugEntries()
    {
        await using var server = await ServerProcess.StartAsync("--log-level", "Debug");

        await server.WaitForOutputAsync(line => TimestampedLine().IsMatch(line) && line[25..].StartsWith("dbug: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_BadLogLevel_ExitsNonZeroNamingTheLevels()
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "placement-server.dll");

        var result = await ExternalProgram.RunAsync("dotnet",
            [serverDll, "--log-level", "verbose", "--fleet", RepoPaths.Fleet, "--tokens", RepoPaths.Tokens], TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--log-level 'verbose': expected one of Trace, Debug, Information, Warning, Error, Critical, None", result.StdErr, StringComparison.Ordinal);
    }

    private static List<string> Lines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    // ISO 8601 in UTC to the millisecond, then the simple formatter's level: "2026-12-07T03:20:00.123Z info: ...".
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z (trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex TimestampedLine();
}
