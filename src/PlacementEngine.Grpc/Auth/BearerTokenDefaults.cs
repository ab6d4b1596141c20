namespace PlacementEngine.Grpc.Auth;

/// <summary>The authentication scheme of the tokens file, and what its challenge says.</summary>
public static class BearerTokenDefaults
{
    public const string Scheme = "Bearer";

    public const string MissingToken = "missing bearer token: send the metadata 'authorization: Bearer <token>'";

    public const string UnknownToken = "unknown token";
}
