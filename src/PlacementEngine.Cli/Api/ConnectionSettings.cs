namespace PlacementEngine.Cli.Api;

/// <summary>Where and how to reach the server, resolved from flags, environment and defaults.</summary>
/// <param name="Server">Base address, e.g. http://127.0.0.1:50051.</param>
/// <param name="BearerToken">Sent as "authorization: Bearer ..."; null for an unauthenticated server.</param>
/// <param name="UnaryDeadline">Per-call deadline for request/response calls.</param>
/// <param name="StreamDeadline">Deadline for a whole stream; null lets "jobs watch" follow a job for as long as it runs.</param>
internal sealed record ConnectionSettings(Uri Server, string? BearerToken, TimeSpan UnaryDeadline, TimeSpan? StreamDeadline)
{
    /// <summary>Where the token came from ("--token", "PLACEMENT_TOKEN", a context's token-file), for hints when the server refuses it.</summary>
    public string? TokenSource { get; init; }

    /// <summary>A PEM file of the CA to trust for the server's certificate instead of the system's roots; null for the system's.</summary>
    public string? CertificateAuthority { get; init; }
}
