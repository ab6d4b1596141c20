namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>The demo tokens of deploy/examples/tokens.yaml.</summary>
internal static class DemoTokens
{
    public const string MlResearch = "dev-ml-research-token";
    public const string Vision = "dev-vision-token";
    public const string Admin = "dev-platform-admin-token";
}
