namespace PlacementEngine.Grpc.Auth;

public enum CallerRole
{
    /// <summary>Submits, watches and cancels its own team's jobs.</summary>
    Submitter,

    /// <summary>Sees every team's jobs and may act for any team.</summary>
    Admin,
}
