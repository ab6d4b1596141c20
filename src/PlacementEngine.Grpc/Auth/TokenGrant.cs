namespace PlacementEngine.Grpc.Auth;

/// <summary>One bearer token and the caller it stands for.</summary>
public sealed record TokenGrant(string Token, Caller Caller)
{
    // Keep tokens out of logs and exception messages that print records.
    public override string ToString() => $"TokenGrant {{ Team = {Caller.Team}, Role = {Caller.Role} }}";
}
