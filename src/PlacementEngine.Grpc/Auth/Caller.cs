namespace PlacementEngine.Grpc.Auth;

/// <summary>Who is calling, as established from the bearer token: a team and a role.</summary>
public sealed record Caller(string Team, CallerRole Role)
{
    public bool IsAdmin => Role == CallerRole.Admin;

    /// <summary>Admins may act on any team's jobs; everyone else only on their own team's.</summary>
    public bool MayActFor(string team) => IsAdmin || string.Equals(Team, team, StringComparison.Ordinal);
}
