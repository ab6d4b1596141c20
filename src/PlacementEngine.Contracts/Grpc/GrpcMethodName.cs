namespace PlacementEngine.Contracts.Grpc;

/// <summary>A full method name, "/package.Service/Method", split into its service and method.</summary>
public readonly record struct GrpcMethodName(string Service, string Method)
{
    public string FullName => $"/{Service}/{Method}";

    public override string ToString() => FullName;

    public static bool TryParse(string? fullMethod, out GrpcMethodName name)
    {
        name = default;
        if (string.IsNullOrEmpty(fullMethod) || fullMethod[0] != '/')
        {
            return false;
        }
        var slash = fullMethod.IndexOf('/', 1);
        if (slash <= 1 || slash == fullMethod.Length - 1 || fullMethod.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }
        name = new GrpcMethodName(fullMethod[1..slash], fullMethod[(slash + 1)..]);
        return true;
    }

    public static GrpcMethodName Parse(string fullMethod, string paramName) =>
        TryParse(fullMethod, out var name)
            ? name
            : throw new ArgumentException($"'{fullMethod}' is not a gRPC method name; expected \"/package.Service/Method\"", paramName);
}
