using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PlacementEngine.TestKit.Kubernetes.Fake;

/// <summary>The batch/v1 Jobs endpoints of the fake API server.</summary>
internal sealed class FakeJobEndpoints(FakeJobStore store)
{
    public async Task CreateAsync(HttpContext context, string @namespace)
    {
        JsonObject? job;
        try
        {
            job = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }
        catch (JsonException e)
        {
            await FakeKubeApiServer.WriteJsonAsync(context, 400, FakeStatus.BadRequest($"the body of the request was in an unknown format: {e.Message}"));
            return;
        }
        if (job is null || job["kind"]?.GetValue<string>() != "Job" || job["apiVersion"]?.GetValue<string>() != "batch/v1")
        {
            await FakeKubeApiServer.WriteJsonAsync(context, 400, FakeStatus.BadRequest("the body is not a batch/v1 Job"));
            return;
        }
        var bodyNamespace = job["metadata"]?["namespace"]?.GetValue<string>();
        if (bodyNamespace is not null && bodyNamespace != @namespace)
        {
            await FakeKubeApiServer.WriteJsonAsync(context, 400, FakeStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
            return;
        }
        var (created, refusal) = store.Create(@namespace, job);
        await FakeKubeApiServer.WriteJsonAsync(context, created is null ? refusal!["code"]!.GetValue<int>() : 201, created ?? refusal!);
    }

    public async Task GetAsync(HttpContext context, string @namespace, string name)
    {
        var job = store.Find(@namespace, name);
        if (job is null)
        {
            await FakeKubeApiServer.WriteJsonAsync(context, 404, FakeStatus.NotFound(name));
        }
        else if (FakeJobTable.IsRequested(context.Request.Headers.Accept))
        {
            await FakeKubeApiServer.WriteJsonAsync(context, 200, FakeJobTable.For([job], job["metadata"]!["resourceVersion"]!.GetValue<string>()), FakeJobTable.MediaType);
        }
        else
        {
            job["kind"] = "Job";
            job["apiVersion"] = "batch/v1";
            await FakeKubeApiServer.WriteJsonAsync(context, 200, job);
        }
    }

    public async Task DeleteAsync(HttpContext context, string @namespace, string name)
    {
        var deleted = store.Delete(@namespace, name);
        if (deleted is null)
        {
            await FakeKubeApiServer.WriteJsonAsync(context, 404, FakeStatus.NotFound(name));
            return;
        }
        await FakeKubeApiServer.WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = new JsonObject { ["name"] = name, ["group"] = "batch", ["kind"] = "jobs", ["uid"] = deleted["metadata"]?["uid"]?.DeepClone() },
        });
    }

    public async Task ListOrWatchAsync(HttpContext context, string? @namespace)
    {
        var query = context.Request.Query;
        if (!LabelSelector.TryParse(query["labelSelector"], out var selector, out var error))
        {
            await FakeKubeApiServer.WriteJsonAsync(context, 400, FakeStatus.BadRequest(error));
            return;
        }
        if (query["watch"] is ["true" or "1"])
        {
            await WatchAsync(context, @namespace, selector);
            return;
        }
        var (items, version) = store.List(@namespace, selector);
        var page = Paginate(items, version, query["limit"], query["continue"]);
        if (page is null)
        {
            await FakeKubeApiServer.WriteJsonAsync(context, 410, FakeStatus.Failure(410, "Expired", "The provided continue parameter is too old"));
            return;
        }
        if (FakeJobTable.IsRequested(context.Request.Headers.Accept))
        {
            await FakeKubeApiServer.WriteJsonAsync(context, 200, FakeJobTable.For(page.Value.Items, page.Value.Version), FakeJobTable.MediaType);
            return;
        }
        var metadata = new JsonObject { ["resourceVersion"] = page.Value.Version };
        if (page.Value.Continue is { } next)
        {
            metadata["continue"] = next;
        }
        // Like the real server, items of a typed list carry no kind or apiVersion of their own.
        foreach (var item in page.Value.Items)
        {
            item.Remove("kind");
            item.Remove("apiVersion");
        }
        await FakeKubeApiServer.WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = "JobList",
            ["apiVersion"] = "batch/v1",
            ["metadata"] = metadata,
            ["items"] = new JsonArray(page.Value.Items.Select(i => (JsonNode)i).ToArray()),
        });
    }

    /// <summary>Pages of one snapshot version; the continue token carries that version and the next offset.</summary>
    private static (List<JsonObject> Items, string Version, string? Continue)? Paginate(List<JsonObject> items, string version, string? limitText, string? continueToken)
    {
        var offset = 0;
        if (!string.IsNullOrEmpty(continueToken))
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(continueToken)).Split(':');
            version = parts[0];
            offset = int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        if (!int.TryParse(limitText, CultureInfo.InvariantCulture, out var limit) || limit <= 0 || offset + limit >= items.Count)
        {
            return (items.Skip(offset).ToList(), version, null);
        }
        var next = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{version}:{offset + limit}"));
        return (items.Skip(offset).Take(limit).ToList(), version, next);
    }

    private async Task WatchAsync(HttpContext context, string? @namespace, LabelSelector selector)
    {
        var query = context.Request.Query;
        long? from = long.TryParse(query["resourceVersion"], CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;
        var watch = store.Watch(@namespace, selector, from, query["allowWatchBookmarks"] is ["true"]);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        if (watch is null)
        {
            // The real server answers a too-old version inside the stream: 200, then one ERROR event.
            await WriteEventAsync(context, "ERROR", FakeStatus.Expired(from ?? 0, store.OldestResumable), CancellationToken.None);
            return;
        }
        var seconds = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1800;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        try
        {
            // Headers go out at once, so the client knows the watch is established.
            await context.Response.Body.FlushAsync(ending.Token);
            await foreach (var stored in watch.Events.Reader.ReadAllAsync(ending.Token))
            {
                await WriteEventAsync(context, stored.Type, stored.Object, ending.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the timeout passed: the stream just ends.
        }
        finally
        {
            store.Close(watch);
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject body, CancellationToken cancellationToken)
    {
        var frame = new JsonObject { ["type"] = type, ["object"] = body.DeepClone() };
        if (type is "ADDED" or "MODIFIED" or "DELETED")
        {
            frame["object"]!["kind"] = "Job";
            frame["object"]!["apiVersion"] = "batch/v1";
        }
        await context.Response.WriteAsync(frame.ToJsonString() + "\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
