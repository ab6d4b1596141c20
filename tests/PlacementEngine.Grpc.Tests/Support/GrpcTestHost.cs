using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Transport;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>
/// A real Kestrel on 127.0.0.1 with a free port, cleartext HTTP/2 only, serving the transport with a
/// <see cref="ScriptedJobService"/>. Dispose stops it and removes its tokens file.
/// </summary>
internal sealed class GrpcTestHost : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token";
    public const string SubmitterToken = "test-ml-research-token";
    public const string SubmitterTeam = "ml-research";
    public const int MaxReceiveMessageBytes = 64 * 1024;

    private readonly WebApplication _app;
    private readonly DirectoryInfo _directory;

    private GrpcTestHost(WebApplication app, DirectoryInfo directory, Uri address, ScriptedJobService service, ListLoggerProvider logs)
    {
        _app = app;
        _directory = directory;
        Address = address;
        Service = service;
        Logs = logs;
    }

    public Uri Address { get; }

    public ScriptedJobService Service { get; }

    public ListLoggerProvider Logs { get; }

    public GrpcHealthService Health => _app.Services.GetRequiredService<GrpcHealthService>();

    /// <param name="time">The server's clock; a fake one lets a test pass a deadline without waiting for it.</param>
    /// <param name="tokensYaml">The tokens file's content; by default the admin and submitter tokens above.</param>
    public static async Task<GrpcTestHost> StartAsync(TimeProvider? time = null, string? tokensYaml = null)
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
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        var service = new ScriptedJobService();
        builder.Services.AddGrpcTransport(new GrpcServerOptions { TokensFile = tokensFile, MaxReceiveMessageBytes = MaxReceiveMessageBytes });
        builder.Services.AddGrpcMethods((_, registry) => service.Register(registry));

        var app = builder.Build();
        try
        {
            app.UseGrpcTransport();
            // Whatever is not gRPC must reach the rest of the pipeline untouched.
            app.Run(http => http.Response.WriteAsync("not grpc"));
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            directory.Delete(recursive: true);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new GrpcTestHost(app, directory, new Uri(address), service, logs);
    }

    public GrpcClient CreateClient(string? token = AdminToken) => new(Address, token);

    /// <summary>The target as Python grpcio wants it: host:port.</summary>
    public string Target => $"{Address.Host}:{Address.Port}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
