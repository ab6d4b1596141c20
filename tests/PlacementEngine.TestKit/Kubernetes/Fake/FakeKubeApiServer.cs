using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PlacementEngine.TestKit.Kubernetes.Fake;

/// <param name="ServerCertificate">Serve TLS with it; null serves plain HTTP.</param>
/// <param name="ClientAuthority">Accept client certificates it issued as authenticated users.</param>
/// <param name="BearerToken">Accept this bearer token as an authenticated user.</param>
public sealed record FakeKubeApiOptions(X509Certificate2? ServerCertificate = null, X509Certificate2? ClientAuthority = null, string? BearerToken = null);

public sealed record FakeRequest(string Method, string Path, string Query, string? Accept)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}

/// <summary>
/// A Kubernetes API server for tests, on 127.0.0.1 and a free port: version, health, legacy discovery and
/// batch/v1 Jobs (create, get, list, watch, delete) with the real status codes and Status bodies.
/// With credentials configured, unauthenticated callers get only the public endpoints, as system:anonymous does.
/// </summary>
public sealed class FakeKubeApiServer : IAsyncDisposable
{
    private static readonly string[] PublicPaths = ["/version", "/readyz", "/livez", "/healthz"];

    private readonly WebApplication _app;
    private readonly FakeKubeApiOptions _options;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly ConcurrentQueue<JsonObject> _injectedFailures = new();
    private readonly FakeJobEndpoints _jobs;

    private FakeKubeApiServer(WebApplication app, FakeKubeApiOptions options)
    {
        _app = app;
        _options = options;
        _jobs = new FakeJobEndpoints(Store);
    }

    public FakeJobStore Store { get; } = new();

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<FakeRequest> Requests => _requests.ToList();

    public static async Task<FakeKubeApiServer> StartAsync(FakeKubeApiOptions? options = null)
    {
        options ??= new FakeKubeApiOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (options.ServerCertificate is { } certificate)
            {
                listen.UseHttps(https => ConfigureTls(https, certificate, options.ClientAuthority));
            }
        }));
        var app = builder.Build();
        var server = new FakeKubeApiServer(app, options);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri(address);
        return server;
    }

    /// <summary>The next Jobs request (not discovery or health) is answered with this failure.</summary>
    public void FailNextJobsRequest(int code, string reason, string message) =>
        _injectedFailures.Enqueue(FakeStatus.Failure(code, reason, message));

    public int CountRequests(Func<FakeRequest, bool> predicate) => _requests.Count(predicate);

    public async ValueTask DisposeAsync()
    {
        // Open watch streams would hold the shutdown until its timeout.
        Store.EndWatches();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void ConfigureTls(HttpsConnectionAdapterOptions https, X509Certificate2 certificate, X509Certificate2? clientAuthority)
    {
        https.ServerCertificate = certificate;
        if (clientAuthority is null)
        {
            return;
        }
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        https.ClientCertificateValidation = (presented, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(clientAuthority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(presented);
        };
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        _requests.Enqueue(new FakeRequest(request.Method, path, request.QueryString.Value ?? "", request.Headers.Accept.ToString()));

        var identity = Authenticate(context);
        if (identity == Identity.Rejected)
        {
            await WriteJsonAsync(context, 401, FakeStatus.Unauthorized());
            return;
        }
        if (identity == Identity.Anonymous && !PublicPaths.Contains(path))
        {
            await WriteJsonAsync(context, 403, FakeStatus.Forbidden(request.Method.ToLowerInvariant(), path));
            return;
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        await RouteAsync(context, segments);
    }

    private async Task RouteAsync(HttpContext context, string[] segments)
    {
        var method = context.Request.Method;
        switch (segments)
        {
            case ["version"]:
                await WriteJsonAsync(context, 200, FakeDiscovery.Version());
                return;
            case ["readyz" or "livez" or "healthz"]:
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok");
                return;
            case ["api"]:
                await WriteJsonAsync(context, 200, FakeDiscovery.CoreVersions($"{Url.Host}:{Url.Port}"));
                return;
            case ["api", "v1"]:
                await WriteJsonAsync(context, 200, FakeDiscovery.CoreResources());
                return;
            case ["apis"]:
                await WriteJsonAsync(context, 200, FakeDiscovery.Groups());
                return;
            case ["apis", "batch"]:
                await WriteJsonAsync(context, 200, FakeDiscovery.BatchGroup());
                return;
            case ["apis", "batch", "v1"]:
                await WriteJsonAsync(context, 200, FakeDiscovery.BatchResources());
                return;
            case ["apis", "batch", "v1", "jobs"] when method == "GET":
                await JobsAsync(context, () => _jobs.ListOrWatchAsync(context, @namespace: null));
                return;
            case ["apis", "batch", "v1", "namespaces", var ns, "jobs"] when method is "GET" or "POST":
                await JobsAsync(context, () => method == "GET" ? _jobs.ListOrWatchAsync(context, ns) : _jobs.CreateAsync(context, ns));
                return;
            case ["apis", "batch", "v1", "namespaces", var ns, "jobs", var name] when method is "GET" or "DELETE":
                await JobsAsync(context, () => method == "GET" ? _jobs.GetAsync(context, ns, name) : _jobs.DeleteAsync(context, ns, name));
                return;
            case ["apis", "batch", "v1", ..]:
                await WriteJsonAsync(context, 405, FakeStatus.MethodNotAllowed(method));
                return;
            default:
                // Includes /openapi/v2 and /openapi/v3: kubectl copes without them for get.
                await WriteJsonAsync(context, 404, FakeStatus.PathNotFound());
                return;
        }
    }

    private async Task JobsAsync(HttpContext context, Func<Task> handle)
    {
        if (_injectedFailures.TryDequeue(out var failure))
        {
            await WriteJsonAsync(context, failure["code"]!.GetValue<int>(), failure);
            return;
        }
        await handle();
    }

    private Identity Authenticate(HttpContext context)
    {
        if (_options.BearerToken is null && _options.ClientAuthority is null)
        {
            return Identity.User;
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return authorization == $"Bearer {_options.BearerToken}" && _options.BearerToken is not null ? Identity.User : Identity.Rejected;
        }
        // Kestrel has already checked that the certificate chains to the client authority.
        return context.Connection.ClientCertificate is not null ? Identity.User : Identity.Anonymous;
    }

    internal static async Task WriteJsonAsync(HttpContext context, int code, JsonNode body, string contentType = "application/json")
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private enum Identity
    {
        User,
        Anonymous,
        Rejected,
    }
}
