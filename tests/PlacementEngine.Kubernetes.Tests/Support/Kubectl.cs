using System.Diagnostics;

namespace PlacementEngine.Kubernetes.Tests.Support;

public sealed record KubectlResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real kubectl with a bounded timeout, its home and cache in a private directory.</summary>
public static class Kubectl
{
    public const string Path = "/usr/bin/kubectl";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<KubectlResult> RunAsync(string kubeConfigPath, string home, params string[] arguments)
    {
        Assert.True(File.Exists(Path), $"kubectl is expected at {Path} on this machine image");
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeConfigPath);
        start.ArgumentList.Add("--request-timeout=20s");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Keep kubectl away from the machine's own kubeconfig and discovery cache.
        start.Environment.Remove("KUBECONFIG");
        start.Environment["HOME"] = home;
        start.Environment["KUBECACHEDIR"] = System.IO.Path.Combine(home, ".kube", "cache");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', arguments)} did not finish within {Timeout}");
        }
        return new KubectlResult(process.ExitCode, await output, await error);
    }
}
