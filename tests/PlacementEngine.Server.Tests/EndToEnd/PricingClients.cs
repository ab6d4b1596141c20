using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Server.Tests.FleetFiles;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>placectl and the generated gRPC client as the pricing end-to-end tests use them against one real server.</summary>
internal static class PricingClients
{
    /// <summary>The example cost ConfigMap of the shared data, beside the shared price catalogs.</summary>
    public static string SharedExampleConfigMap =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryPaths.SharedPrices("any"))!, "..", "examples", "pricing-configmap.yaml"));

    /// <summary>The real placectl with the admin token (or another), captured; the caller checks the exit code.</summary>
    public static Task<ProgramResult> PlacectlAsync(ServerProcess server, string token, params string[] args) =>
        ExternalProgram.RunAsync(
            "dotnet",
            new[] { RepoPaths.Placectl }.Concat(args),
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

    /// <summary>Small enough that a test file travels in several chunks, as the server must reassemble them.</summary>
    public const int ChunkBytes = 64 * 1024;

    public static async Task<long> ActiveVersionAsync(ServerConnection admin) =>
        (await admin.Pricing.ListPriceBooksAsync(new ListPriceBooksRequest())).Books.Single(b => b.Active).Version;

    /// <summary>
    /// One ImportPrices call, as a script would make it: the header, the file in chunks, then the half-close. A rejected
    /// file is thrown as <see cref="PriceFileRejectedException"/> with the status the call ended with; any other failure
    /// as the <see cref="RpcException"/>.
    /// </summary>
    public static async Task<ImportOutcome> ImportAsync(ServerConnection admin, byte[] content, string fileName, string format = "", bool noActivate = false, bool allowRemovals = false, bool allowUnpricedPools = false)
    {
        using var call = admin.Pricing.ImportPrices(deadline: ServerConnection.In(TimeSpan.FromSeconds(60)));
        var sending = SendAsync(call.RequestStream, new ImportPricesHeader
        {
            FileName = fileName,
            TotalBytes = content.Length,
            Format = format,
            NoActivate = noActivate,
            AllowRemovals = allowRemovals,
            AllowUnpricedPools = allowUnpricedPools,
        }, content);
        ImportOutcome? outcome = null;
        ImportRejection? rejection = null;
        try
        {
            await foreach (var step in call.ResponseStream.ReadAllAsync())
            {
                outcome = step.Outcome ?? outcome;
                rejection = step.Rejected ?? rejection;
            }
        }
        catch (RpcException e) when (rejection is not null)
        {
            throw new PriceFileRejectedException(rejection, e.StatusCode);
        }
        finally
        {
            await sending;
        }
        if (rejection is not null)
        {
            throw new PriceFileRejectedException(rejection, StatusCode.OK);
        }
        return outcome ?? throw new InvalidOperationException($"ImportPrices of {fileName} ended without an outcome");
    }

    private static async Task SendAsync(IClientStreamWriter<ImportPricesRequest> requests, ImportPricesHeader header, byte[] content)
    {
        try
        {
            await requests.WriteAsync(new ImportPricesRequest { Header = header });
            for (var offset = 0; offset < content.Length; offset += ChunkBytes)
            {
                await requests.WriteAsync(new ImportPricesRequest { Chunk = ByteString.CopyFrom(content, offset, Math.Min(ChunkBytes, content.Length - offset)) });
            }
            await requests.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException)
        {
            // The server ended the call before taking the whole file; its status is what the events' reader sees.
        }
    }
}

/// <summary>ImportPrices ended with a `rejected` event; <see cref="Status"/> is how the call then ended (INVALID_ARGUMENT when right).</summary>
internal sealed class PriceFileRejectedException(ImportRejection rejection, StatusCode status)
    : Exception($"rejected ({status}): {string.Join(" | ", rejection.Problems.Select(p => $"line {p.Line}: {p.Message}"))}")
{
    public ImportRejection Rejection => rejection;

    public StatusCode Status => status;
}
