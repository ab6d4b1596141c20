namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>Debian's Python grpcio, an independent gRPC implementation, against the real server.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class PythonInteropTests(SharedServerFixture fixture)
{
    [Fact]
    public async Task PythonGrpcio_AgainstRealServer_AllInteropCasesPass()
    {
        var result = await ExternalProgram.RunAsync(
            "/usr/bin/python3",
            [RepoPaths.Interop("server_e2e.py"), $"127.0.0.1:{fixture.Server.GrpcPort}", RepoPaths.Protos],
            TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, $"python interop failed:\n{result.All}\n--- server ---\n{fixture.Server.Output}");
        Assert.Matches(@"(?m)^14 passed, 0 failed$", result.StdOut);
    }
}
