using System.Text.Json;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Server.Tests.FleetFiles;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>placectl and the gRPC client as the pricing end-to-end tests use them against one real server.</summary>
internal static class PricingClients
{
    /// <summary>The example cost ConfigMap of the shared data, beside the shared price catalogs.</summary>
    public static string SharedExampleConfigMap =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryPaths.SharedPrices("any"))!, "..", "examples", "pricing-configmap.yaml"));

    /// <summary>The real placectl with the admin token (or another), captured; the caller checks the exit code.</summary>
    public static Task<ProgramResult> PlacectlAsync(ServerProcess server, string token, params string[] args) =>
        ExternalProgram.RunAsync(
            "dotnet",
            new[] { Path.Combine(AppContext.BaseDirectory, "placectl.dll") }.Concat(args),
            TimeSpan.FromSeconds(60),
            env: new Dictionary<string, string>
            {
                ["PLACEMENT_SERVER"] = server.Address.ToString(),
                ["PLACEMENT_TOKEN"] = token,
            });

    /// <summary>placectl as the admin; fails the test unless it exits 0.</summary>
    public static async Task<string> AdminAsync(ServerProcess server, params string[] args)
    {
        var result = await PlacectlAsync(server, DemoTokens.Admin, args);
        Assert.True(result.ExitCode == 0, $"placectl {string.Join(' ', args)} exited {result.ExitCode}:\n{result.All}");
        return result.StdOut;
    }

    /// <summary>placectl as the admin with -o json, parsed.</summary>
    public static async Task<JsonElement> AdminJsonAsync(ServerProcess server, params string[] args)
    {
        using var document = JsonDocument.Parse(await AdminAsync(server, [.. args, "-o", "json"]));
        return document.RootElement.Clone();
    }

    public static async Task<long> ActiveVersionAsync(GrpcClient admin) =>
        (await admin.UnaryAsync(PricingServiceMethods.ListPriceBooks, new ListPriceBooksRequest(), ListPriceBooksResponse.Parser))
            .Books.Single(b => b.Active).Version;

    /// <summary>Uploads and commits a file in one chunk, as a script would; the rejection, if any, is thrown.</summary>
    public static async Task<ImportOutcome?> ImportAsync(GrpcClient admin, byte[] content, string fileName, string format = "", bool noActivate = false)
    {
        var begin = await admin.UnaryAsync(PricingServiceMethods.BeginImport, new BeginImportRequest { TotalBytes = content.Length, FileName = fileName }, BeginImportResponse.Parser);
        if (content.Length > 0)
        {
            await admin.UnaryAsync(
                PricingServiceMethods.UploadImportChunk,
                new UploadImportChunkRequest { UploadId = begin.UploadId, Data = Google.Protobuf.ByteString.CopyFrom(content) },
                UploadImportChunkResponse.Parser);
        }
        ImportOutcome? outcome = null;
        await foreach (var step in admin.ServerStreamingAsync(
            PricingServiceMethods.CommitImport, new CommitImportRequest { UploadId = begin.UploadId, Format = format, NoActivate = noActivate }, CommitImportEvent.Parser, TimeSpan.FromSeconds(60)))
        {
            outcome = step.Outcome ?? outcome;
        }
        return outcome;
    }
}
