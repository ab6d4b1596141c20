namespace PlacementEngine.Grpc.Hosting;

/// <summary>Settings of the gRPC server. <see cref="Validate"/> reports every bad value at start-up.</summary>
public sealed class GrpcServerOptions
{
    public const int DefaultMaxReceiveMessageBytes = 4 * 1024 * 1024;
    public const int MinReceiveMessageBytes = 1024;
    public const int MaxReceiveMessageBytesLimit = 256 * 1024 * 1024;

    /// <summary>Largest request message accepted, 1 KiB to 256 MiB; larger ones get RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageBytes { get; set; } = DefaultMaxReceiveMessageBytes;

    /// <summary>YAML file mapping bearer tokens to teams and roles. Null: no token is known and only health answers.</summary>
    public string? TokensFile { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxReceiveMessageBytes is < MinReceiveMessageBytes or > MaxReceiveMessageBytesLimit)
        {
            errors.Add($"MaxReceiveMessageBytes is {MaxReceiveMessageBytes}; it must be between {MinReceiveMessageBytes} and {MaxReceiveMessageBytesLimit}");
        }
        if (TokensFile is not null && string.IsNullOrWhiteSpace(TokensFile))
        {
            errors.Add("TokensFile is empty; leave it unset or name a file");
        }
        return errors;
    }
}
