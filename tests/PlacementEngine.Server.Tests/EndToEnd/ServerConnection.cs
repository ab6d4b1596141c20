using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>The generated clients over one Grpc.Net.Client channel to a real server, with a demo token on every call.</summary>
internal sealed class ServerConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    /// <param name="trusted">For a TLS server: the one certificate to trust, as a self-signed test certificate has no chain.</param>
    public ServerConnection(Uri address, string? token, X509Certificate2? trusted = null)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (trusted is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString();
        }
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        var invoker = token is null
            ? _channel.CreateCallInvoker()
            : _channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });
        Jobs = new JobService.JobServiceClient(invoker);
        Fleet = new FleetService.FleetServiceClient(invoker);
        Pricing = new PricingService.PricingServiceClient(invoker);
    }

    public JobService.JobServiceClient Jobs { get; }

    public FleetService.FleetServiceClient Fleet { get; }

    public PricingService.PricingServiceClient Pricing { get; }

    public void Dispose() => _channel.Dispose();

    /// <summary>A deadline <paramref name="timeout"/> from now, for calls that must not hang a test.</summary>
    public static DateTime In(TimeSpan timeout) => DateTime.UtcNow + timeout;
}
