using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

internal static class Jobs
{
    /// <summary>Every job whose name starts with <paramref name="prefix"/>, all pages.</summary>
    public static async Task<List<Job>> ListAsync(ServerConnection client, string prefix)
    {
        var all = new List<Job>();
        var token = "";
        do
        {
            var page = await client.Jobs.ListJobsAsync(new ListJobsRequest { PageSize = 1000, PageToken = token, NameContains = prefix },
                deadline: ServerConnection.In(TimeSpan.FromSeconds(30)));
            all.AddRange(page.Jobs.Where(j => j.Spec.Name.StartsWith(prefix, StringComparison.Ordinal)));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }
}
