using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PlacementEngine.Grpc.Hosting;
using PlacementEngine.Grpc.Services;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>
/// A real Kestrel on 127.0.0.1 with a free port, cleartext HTTP/2 only, serving the gRPC server with a
/// <see cref="ScriptedJobService"/>, health (one <see cref="HealthSwitch"/> for JobService) and reflection.
/// Dispose stops it and removes its tokens file.
/// </summary>
internal sealed class GrpcTestHost : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token";
    public const string SubmitterToken = "test-ml-research-token";
    public const string SubmitterTeam = "ml-research";
    public const int MaxReceiveMessageBytes = 64 * 1024;

    private readonly WebApplication _app;
    private readonly DirectoryInfo _directory;
    private readonly GrpcChannel _channel;

    private GrpcTestHost(WebApplication app, DirectoryInfo directory, Uri address, ListLoggerProvider logs)
    {
        _app = app;
        _directory = directory;
        Address = address;
        Logs = logs;
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxSendMessageSize = null });
    }

    public Uri Address { get; }

    /// <summary>The target as Python grpcio wants it: host:port.</summary>
    public string Target => $"{Address.Host}:{Address.Port}";

    public ListLoggerProvider Logs { get; }

    public ScriptedJobService Service => _app.Services.GetRequiredService<ScriptedJobService>();

    public HealthSwitch Health => _app.Services.GetRequiredService<HealthSwitch>();

    public IServiceProvider Services => _app.Services;

    /// <param name="tokensYaml">The tokens file's content; by default the admin and submitter tokens above.</param>
    /// <param name="services">Adds what <paramref name="map"/> needs.</param>
    /// <param name="map">Maps more services (the real ones) beside the scripted JobService.</param>
    /// <param name="scriptedJobs">False: <paramref name="map"/> maps the real JobService instead.</param>
    public static async Task<GrpcTestHost> StartAsync(
        string? tokensYaml = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? map = null,
        bool scriptedJobs = true,
        int maxReceiveMessageBytes = MaxReceiveMessageBytes)
    {
        var directory = Directory.CreateTempSubdirectory("pe-grpc-tests-");
        var tokensFile = Path.Combine(directory.FullName, "tokens.yaml");
        await File.WriteAllTextAsync(tokensFile, tokensYaml ?? $"""
            tokens:
              - token: "{AdminToken}"
                team: platform
                role: admin
              - token: "{SubmitterToken}"
                team: {SubmitterTeam}
                role: submitter
            """);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            // As placement-server sets it: gRPC bounds each message instead (RESOURCE_EXHAUSTED), and a streamed import is larger.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<ScriptedJobService>();
        builder.Services.AddSingleton<HealthSwitch>();
        // Watchers hear of a change at the next publication; once a second keeps the health tests short.
        builder.Services.Configure<HealthCheckPublisherOptions>(o => (o.Delay, o.Period) = (TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        builder.Services.AddPlacementGrpc(new GrpcServerOptions { TokensFile = tokensFile, MaxReceiveMessageBytes = maxReceiveMessageBytes })
            .AddCheck<HealthSwitch>("switch", tags: [PlacementServiceNames.Jobs]);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        try
        {
            app.UsePlacementGrpc();
            app.MapPlacementGrpc();
            if (scriptedJobs)
            {
                app.MapGrpcService<ScriptedJobService>();
            }
            map?.Invoke(app);
            // Whatever is not gRPC must reach its own endpoints untouched.
            app.MapGet("/plain", () => "not grpc");
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            directory.Delete(recursive: true);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new GrpcTestHost(app, directory, new Uri(address), logs);
    }

    /// <summary>A call invoker sending the token, if any, as <c>authorization: Bearer</c> metadata.</summary>
    public CallInvoker Invoker(string? token = AdminToken) =>
        token is null
            ? _channel.CreateCallInvoker()
            : _channel.CreateCallInvoker().Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });

    public Contracts.V1.JobService.JobServiceClient Jobs(string? token = AdminToken) => new(Invoker(token));

    /// <summary>Stops the server as a shutdown would: ApplicationStopping first, then Kestrel.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
