using System.Text.Json;

namespace PlacementEngine.Server.Tests.EndToEnd.Prometheus;

/// <summary>
/// A job submitted and followed to its end with the real placectl, and where it ran, spelled as the metrics label it.
/// </summary>
internal sealed record FinishedJob(string Id, string Team, string Cloud, string Region, string Cluster, string CapacityType)
{
    private const string CapacityTypePrefix = "CAPACITY_TYPE_";

    /// <summary>The labels of this job's <c>placement_spend_dollars_total</c> series, as /metrics writes them.</summary>
    public string SpendSeries =>
        $"placement_spend_dollars_total{{team=\"{Team}\",cloud=\"{Cloud}\",region=\"{Region}\",cluster=\"{Cluster}\",capacity_type=\"{CapacityType}\"}}";

    public IReadOnlyDictionary<string, string> SpendLabels => new Dictionary<string, string>
    {
        ["team"] = Team,
        ["cloud"] = Cloud,
        ["region"] = Region,
        ["cluster"] = Cluster,
        ["capacity_type"] = CapacityType,
    };

    /// <summary>Submits the example job file, watches it to its end (it must succeed), then reads where it ran.</summary>
    public static async Task<FinishedJob> RunAsync(ServerProcess server, string token, string exampleJobFile)
    {
        var submitted = await PlacectlJsonAsync(server, token, "jobs", "submit", "-f", RepoPaths.Jobs(exampleJobFile), "-o", "json");
        var id = submitted.GetProperty("job").GetProperty("id").GetString()!;
        var watched = await PlacectlAsync(server, token, "jobs", "watch", id);
        Assert.Contains("Succeeded", watched, StringComparison.OrdinalIgnoreCase);

        var got = await PlacectlJsonAsync(server, token, "jobs", "get", id, "-o", "json");
        var job = got.TryGetProperty("job", out var wrapped) ? wrapped : got;
        var placement = job.GetProperty("placement");
        return new FinishedJob(
            id,
            job.GetProperty("team").GetString()!,
            placement.GetProperty("cloud").GetString()!,
            placement.GetProperty("region").GetString()!,
            placement.GetProperty("cluster").GetString()!,
            CapacityTypeLabel(placement.GetProperty("capacityType").GetString()!));
    }

    /// <summary>The API's enum name ("CAPACITY_TYPE_ON_DEMAND") as the metrics label it ("on-demand").</summary>
    private static string CapacityTypeLabel(string apiName)
    {
        Assert.StartsWith(CapacityTypePrefix, apiName, StringComparison.Ordinal);
        return apiName[CapacityTypePrefix.Length..].ToLowerInvariant().Replace('_', '-');
    }

    private static async Task<string> PlacectlAsync(ServerProcess server, string token, params string[] args)
    {
        var result = await PricingClients.PlacectlAsync(server, token, args);
        Assert.True(result.ExitCode == 0, $"placectl {string.Join(' ', args)} exited {result.ExitCode}:\n{result.All}");
        return result.StdOut;
    }

    private static async Task<JsonElement> PlacectlJsonAsync(ServerProcess server, string token, params string[] args)
    {
        using var document = JsonDocument.Parse(await PlacectlAsync(server, token, args));
        return document.RootElement.Clone();
    }
}
