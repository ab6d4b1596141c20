using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Grpc.Tests.Interop;

/// <summary>
/// Python grpcio, an independent gRPC implementation, against the server on a real Kestrel: unary, server and
/// bidirectional streaming (the price import), deadlines, statuses with non-ASCII messages, authentication, limits,
/// health and reflection.
/// </summary>
public sealed class PythonInteropTests : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync(
        services: s => s
            .AddSingleton<ScriptedFleetService>()
            .AddSingleton<IPriceBookStore, InMemoryPriceBookStore>()
            .AddSingleton(sp => new PriceBookService(sp.GetRequiredService<IPriceBookStore>(), TimeProvider.System))
            .AddPricingService(new PricingServiceOptions()),
        map: app =>
        {
            app.MapGrpcService<ScriptedFleetService>();
            app.MapPricingService();
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TransportChecks_PythonGrpcioClient_AllPass()
    {
        var (exitCode, output) = await PythonRunner.RunAsync(
            Path.Combine(RepositoryPaths.Interop, "transport_checks.py"),
            [
                "--target", _host.Target,
                "--admin-token", GrpcTestHost.AdminToken,
                "--submitter-token", GrpcTestHost.SubmitterToken,
                "--submitter-team", GrpcTestHost.SubmitterTeam,
                "--not-found-detail", ScriptedJobService.NotFoundDetail,
                "--stream-failure-detail", ScriptedJobService.StreamFailureDetail,
                "--max-receive-bytes", GrpcTestHost.MaxReceiveMessageBytes.ToString(CultureInfo.InvariantCulture),
                "--protos", RepositoryPaths.Protos,
            ],
            ScriptTimeout);

        Assert.True(exitCode == 0, $"transport_checks.py exited with {exitCode}:\n{output}");
        Assert.Contains("18 of 18 checks passed", output, StringComparison.Ordinal);
        // The deadline check's handler saw its token cancelled, whichever side gave up first.
        Assert.True(_host.Service.SlowCallCancelled.Task.IsCompleted, output);
    }
}
