using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PlacementEngine.Cli.Tests.Wire;

/// <summary>
/// Fake job and pricing services behind a real gRPC server (Kestrel, HTTP/2) on a free loopback port, so placectl's
/// real client is tested on the wire. With a certificate it serves TLS only.
/// </summary>
internal sealed class InProcessGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessGrpcServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public FakeJobService Jobs => _app.Services.GetRequiredService<FakeJobService>();

    public FakePricingService Pricing => _app.Services.GetRequiredService<FakePricingService>();

    public static async Task<InProcessGrpcServer> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<FakeJobService>();
        builder.Services.AddSingleton<FakePricingService>();
        var app = builder.Build();
        app.MapGrpcService<FakeJobService>();
        app.MapGrpcService<FakePricingService>();
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new InProcessGrpcServer(app, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
