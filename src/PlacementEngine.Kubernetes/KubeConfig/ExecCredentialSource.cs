using System.Diagnostics;
using System.Text.Json;
using PlacementEngine.Kubernetes.Model;

namespace PlacementEngine.Kubernetes.KubeConfig;

/// <summary>
/// A bearer token from a client-go credential plugin (the exec section of a kubeconfig user), as managed clusters
/// hand them out. The plugin runs non-interactively with a bounded timeout; its token is reused until shortly before
/// its expirationTimestamp, or for good when it states none. Client certificates from plugins are not supported.
/// </summary>
internal sealed class ExecCredentialSource(ExecCredentialSource.Plugin plugin, TimeProvider time) : ITokenSource
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    // Refresh a little early, so a request never leaves with a token that expires on the way.
    private static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private Task<IssuedToken>? _current;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<IssuedToken> current;
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted || (_current.IsCompletedSuccessfully && _current.Result.ExpiresAt <= time.GetUtcNow() + ExpirySkew))
            {
                // Shared by concurrent callers: one plugin run per refresh, bounded by its own timeout.
                _current = Task.Run(RunAsync, CancellationToken.None);
            }
            current = _current;
        }
        return (await current.WaitAsync(cancellationToken)).Token;
    }

    private async Task<IssuedToken> RunAsync()
    {
        var start = new ProcessStartInfo(plugin.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in plugin.Args)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in plugin.Env)
        {
            start.Environment[name] = value;
        }
        start.Environment["KUBERNETES_EXEC_INFO"] = JsonSerializer.Serialize(
            new { apiVersion = plugin.ApiVersion, kind = "ExecCredential", spec = new { interactive = false } });

        using var process = StartProcess(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout, time);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new CredentialException($"credential plugin {plugin.Command} did not finish within {RunTimeout}");
        }
        if (process.ExitCode != 0)
        {
            throw new CredentialException($"credential plugin {plugin.Command} exited with {process.ExitCode}: {(await error).Trim()}");
        }
        return Parse(await output);
    }

    private Process StartProcess(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new CredentialException($"credential plugin {plugin.Command} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CredentialException($"credential plugin {plugin.Command} cannot be run: {e.Message}", e);
        }
    }

    private IssuedToken Parse(string output)
    {
        ExecCredential? credential;
        try
        {
            credential = JsonSerializer.Deserialize<ExecCredential>(output, KubeJson.Options);
        }
        catch (JsonException e)
        {
            throw new CredentialException($"credential plugin {plugin.Command} printed no ExecCredential JSON: {e.Message}", e);
        }
        var status = credential?.Status;
        if (string.IsNullOrEmpty(status?.Token))
        {
            throw new CredentialException(status?.ClientCertificateData is not null
                ? $"credential plugin {plugin.Command} returned a client certificate; only tokens are supported"
                : $"credential plugin {plugin.Command} returned no token");
        }
        return new IssuedToken(status.Token, status.ExpirationTimestamp ?? DateTimeOffset.MaxValue);
    }

    /// <param name="Command">The program, found on PATH unless it is a path.</param>
    internal sealed record Plugin(string ApiVersion, string Command, IReadOnlyList<string> Args, IReadOnlyList<KeyValuePair<string, string>> Env);

    private sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

    private sealed record ExecCredential(ExecCredentialStatus? Status);

    private sealed record ExecCredentialStatus(string? Token, DateTimeOffset? ExpirationTimestamp, string? ClientCertificateData);
}
