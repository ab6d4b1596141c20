using System.Text.Json;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>The README's walkthrough, command by command, with the real placectl against the real server.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class WalkthroughTests(SharedServerFixture fixture)
{
    private static readonly string[] EightA100Types = ["a2-highgpu-8g", "a2-ultragpu-8g", "p4d.24xlarge", "p4de.24xlarge", "Standard_ND96asr_v4", "Standard_ND96amsr_A100_v4"];

    private static readonly string[] EuRegions = ["europe-west4", "westeurope", "eu-central-1", "eu-west-1", "northeurope", "europe-west1"];

    [Fact]
    public async Task ReadmeWalkthrough_EveryCommandWorksAndEuJobStaysInTheEu()
    {
        var clusters = await PlacectlAsync("clusters", "list");
        Assert.Contains("gke-europe-west4", clusters, StringComparison.Ordinal);
        Assert.Contains("simulated", clusters, StringComparison.OrdinalIgnoreCase);
        var pools = await PlacectlAsync("pools", "list", "--cluster", "gke-europe-west4");
        Assert.Contains("spot", pools, StringComparison.Ordinal);

        var euId = JobId(await PlacectlAsync("jobs", "submit", "-f", RepoPaths.Jobs("eu-a100-8x.yaml"), "-o", "json"));
        var t4Id = JobId(await PlacectlAsync("jobs", "submit", "-f", RepoPaths.Jobs("spot-t4.yaml"), "-o", "json"));
        var listed = await PlacectlAsync("jobs", "list");
        Assert.Contains(euId, listed, StringComparison.Ordinal);
        Assert.Contains(t4Id, listed, StringComparison.Ordinal);

        // --all: the US pools rejected for residency are not among the best few.
        var euExplain = await ExplainOncePlacedAsync(euId, "--all");
        var chosen = euExplain.Split('\n').Single(line => line.TrimStart().StartsWith('*'));
        Assert.Contains(EuRegions, region => chosen.Contains(region, StringComparison.Ordinal));
        Assert.Contains(EightA100Types, type => chosen.Contains(type, StringComparison.Ordinal));
        Assert.Contains("residency", euExplain, StringComparison.Ordinal);

        var t4Explain = await ExplainOncePlacedAsync(t4Id);
        Assert.Contains("spot", t4Explain.Split('\n').Single(line => line.TrimStart().StartsWith('*')), StringComparison.Ordinal);
        Assert.Contains($"not shown; placectl jobs explain {t4Id} --all shows every one", t4Explain, StringComparison.Ordinal);

        var watched = await PlacectlAsync("jobs", "watch", t4Id);
        Assert.Contains("Succeeded", watched, StringComparison.OrdinalIgnoreCase);
        var yaml = await PlacectlAsync("jobs", "get", euId, "-o", "yaml");
        Assert.Contains(euId, yaml, StringComparison.Ordinal);

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(fixture.Server.MetricsAddress);
        Assert.Contains("placement_jobs{state=", metrics, StringComparison.Ordinal);
        Assert.Contains("placement_submit_to_place_seconds_count", metrics, StringComparison.Ordinal);
    }

    private async Task<string> ExplainOncePlacedAsync(string id, params string[] options)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var text = await PlacectlAsync(["jobs", "explain", id, .. options]);
            if (text.Split('\n').Any(line => line.TrimStart().StartsWith('*')) || DateTime.UtcNow > deadline)
            {
                return text;
            }
            await Task.Delay(300);
        }
    }

    private static string JobId(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("job").GetProperty("id").GetString()!;
    }

    private async Task<string> PlacectlAsync(params string[] args)
    {
        var result = await ExternalProgram.RunAsync(
            "dotnet",
            new[] { RepoPaths.Placectl }.Concat(args),
            TimeSpan.FromSeconds(60),
            env: new Dictionary<string, string>
            {
                ["PLACEMENT_SERVER"] = fixture.Server.Address.ToString(),
                ["PLACEMENT_TOKEN"] = DemoTokens.MlResearch,
            });
        Assert.True(result.ExitCode == 0, $"placectl {string.Join(' ', args)} exited {result.ExitCode}:\n{result.All}");
        return result.StdOut;
    }
}
