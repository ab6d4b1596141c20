using PlacementEngine.TestKit.Servers;
using System.Globalization;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>One database file, one server: a second process pointed at it refuses to start and leaves the first alone.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class SecondProcessTests(SharedServerFixture fixture)
{
    [Fact]
    public async Task SecondServer_OnTheSameDatabase_ExitsNonZeroNamingTheFile_AndTheFirstServes()
    {
        var server = fixture.Server;
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "placement-server.dll"),
            "--listen", $"127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}",
            "--metrics-listen", $"127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}",
            "--db", server.DatabasePath,
            "--fleet", RepoPaths.Fleet,
            "--tokens", RepoPaths.Tokens,
        ];

        var second = await ExternalProgram.RunAsync("dotnet", args, TimeSpan.FromMinutes(2), env: new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" });

        Assert.True(second.ExitCode == 2, $"exit code {second.ExitCode}:\n{second.All}");
        Assert.Contains($"placement-server: cannot start: database '{server.DatabasePath}' is in use by another PlacementEngine process", second.StdErr, StringComparison.Ordinal);
        Assert.True(await server.IsServingAsync(), server.Output);
    }
}
