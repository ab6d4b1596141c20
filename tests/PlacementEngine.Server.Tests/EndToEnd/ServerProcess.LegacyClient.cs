using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>
/// The hand-written client, kept only for MetricsEndpointTests until the metrics work moves it to <see cref="Connect"/>;
/// delete this file with PlacementEngine.Contracts/Grpc.
/// </summary>
internal sealed partial class ServerProcess
{
    public GrpcClient Client(string? token)
    {
        if (ServerCertificate is not { } trusted)
        {
            return new GrpcClient(Address, token);
        }
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString();
        return new GrpcClient(Address, token, handler);
    }
}
