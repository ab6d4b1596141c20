namespace PlacementEngine.Contracts.Grpc;

/// <summary>Header names and values of gRPC over HTTP/2 (PROTOCOL-HTTP2.md in the gRPC repository).</summary>
public static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string ContentTypeProto = "application/grpc+proto";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string IdentityEncoding = "identity";
    public const string AuthorizationHeader = "authorization";
    public const string BearerPrefix = "Bearer ";

    /// <summary>The gRPC default for the largest message a peer accepts: 4 MiB.</summary>
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;

    public const string CompressionNotSupported = "compressed messages are not supported; send identity";

    /// <summary>True for <c>application/grpc</c> and <c>application/grpc+proto</c>, with or without parameters.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return mediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals(ContentTypeProto, StringComparison.OrdinalIgnoreCase);
    }
}
