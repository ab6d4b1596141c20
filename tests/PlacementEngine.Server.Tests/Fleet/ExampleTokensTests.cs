using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Server.Tests.FleetFiles;

/// <summary>deploy/examples/tokens.yaml gives the walkthrough's teams the roles it needs, and nothing more.</summary>
public sealed class ExampleTokensTests
{
    [Fact]
    public void ExampleTokens_WalkthroughTeams_HaveTwoSubmittersAndOneAdmin()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryPaths.ExampleTokens)));
        var tokens = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("tokens")];

        var roles = tokens.Children
            .Cast<YamlMappingNode>()
            .ToDictionary(t => Scalar(t, "team"), t => Scalar(t, "role"));
        var distinctTokens = tokens.Children.Cast<YamlMappingNode>().Select(t => Scalar(t, "token")).Distinct().Count();

        Assert.Equal(new Dictionary<string, string> { ["ml-research"] = "submitter", ["vision"] = "submitter", ["platform"] = "admin" }, roles);
        Assert.Equal(3, distinctTokens);
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
