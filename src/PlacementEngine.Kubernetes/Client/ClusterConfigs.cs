using System.Security.Cryptography;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;

namespace PlacementEngine.Kubernetes.Client;

/// <summary>
/// Where a cluster's API is and how to authenticate to it, read by KubernetesClient from a kubeconfig context or from
/// the pod's service account. Every problem surfaces as one <see cref="KubeConfigException"/> naming the file.
/// </summary>
internal static class ClusterConfigs
{
    public const string DefaultNamespace = "default";

    // How the package words a failed credential plugin run; the plugin, not the file, is at fault then.
    private const string PluginFailurePrefix = "external exec failed";

    /// <summary>Reads the file; the context is checked (and its credential plugin run) by <see cref="Build"/>.</summary>
    /// <param name="context">The context to use; null means the file's current-context.</param>
    public static KubeConfigFile Read(string path, string? context)
    {
        try
        {
            var file = Load(path);
            ResolvePluginCommands(file, path);
            var contextName = context ?? file.CurrentContext;
            if (string.IsNullOrWhiteSpace(contextName))
            {
                // The package would fall through to "cannot infer server host url", which hides the real cause.
                throw new KubeConfigException("no context was given and current-context is not set");
            }
            CheckReferences(file, contextName);
            return new KubeConfigFile(path, file, contextName);
        }
        catch (Exception e) when (IsConfigProblem(e))
        {
            throw Named(path, e);
        }
    }

    private static K8SConfiguration Load(string path)
    {
        try
        {
            return KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path), useRelativePaths: true)
                ?? throw new KubeConfigException("is empty");
        }
        catch (NullReferenceException e)
        {
            // The package dereferences what it parsed before checking that the file held anything.
            throw new KubeConfigException("is empty", e);
        }
    }

    /// <summary>Resolves the context, reads certificates and runs the credential plugin if the user has one.</summary>
    public static KubernetesClientConfiguration Build(KubeConfigFile source)
    {
        try
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigObject(source.File, currentContext: source.Context);
            if (config.SslCaCerts is { Count: 0 })
            {
                // The package skips what is not PEM; trusting nothing would only show later as TLS failures.
                throw new KubeConfigException("the cluster's certificate authority holds no PEM certificate");
            }
            return config;
        }
        catch (Exception e) when (IsConfigProblem(e))
        {
            throw Named(source.Path, e);
        }
    }

    /// <summary>The pod's service account: its token file (re-read as it rotates), CA and namespace.</summary>
    public static KubernetesClientConfiguration InCluster()
    {
        if (!KubernetesClientConfiguration.IsInCluster())
        {
            throw new KubeConfigException("in-cluster config: not running in a pod (KUBERNETES_SERVICE_HOST or the service account token is missing)");
        }
        return KubernetesClientConfiguration.InClusterConfig();
    }

    /// <summary>Builds the client, whose constructor reads the CA and client certificate and can refuse them too.</summary>
    public static k8s.Kubernetes CreateClient(KubernetesClientConfiguration config, string source)
    {
        try
        {
            return new k8s.Kubernetes(config);
        }
        catch (Exception e) when (IsConfigProblem(e))
        {
            throw Named(source, e);
        }
    }

    public static string NamespaceOf(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? DefaultNamespace : configured.Trim();

    public static bool IsPluginFailure(KubeConfigException error) =>
        error.InnerException is KubeConfigException { Message: var message }
        && message.StartsWith(PluginFailurePrefix, StringComparison.Ordinal);

    /// <summary>
    /// The context, its cluster and its user exist, checked before the package looks (its messages name neither the
    /// missing entry nor what is defined). Names match ignoring case, as the package matches them.
    /// </summary>
    private static void CheckReferences(K8SConfiguration file, string contextName)
    {
        var context = Find(file.Contexts, c => c.Name, "context", contextName);
        if (string.IsNullOrWhiteSpace(context.ContextDetails?.Cluster))
        {
            throw new KubeConfigException($"context '{contextName}' names no cluster");
        }
        Find(file.Clusters, c => c.Name, "cluster", context.ContextDetails.Cluster);
        if (!string.IsNullOrWhiteSpace(context.ContextDetails.User))
        {
            Find(file.Users, u => u.Name, "user", context.ContextDetails.User);
        }
    }

    private static T Find<T>(IEnumerable<T>? entries, Func<T, string?> nameOf, string kind, string name)
    {
        var all = entries?.ToList() ?? [];
        var match = all.FirstOrDefault(e => string.Equals(nameOf(e), name, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var known = all.Count == 0 ? "none" : string.Join(", ", all.Select(nameOf));
            throw new KubeConfigException($"{kind} '{name}' not found (defined: {known})");
        }
        return match;
    }

    /// <summary>
    /// As in client-go, a plugin command with a directory part is relative to the kubeconfig, a bare name is looked up
    /// on PATH; the package would start it relative to the working directory instead.
    /// </summary>
    private static void ResolvePluginCommands(K8SConfiguration file, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        foreach (var user in file.Users ?? [])
        {
            if (user.UserCredentials?.ExternalExecution is { Command: { Length: > 0 } command } exec
                && command.Contains('/', StringComparison.Ordinal)
                && !Path.IsPathRooted(command))
            {
                exec.Command = Path.GetFullPath(Path.Combine(directory, command));
            }
        }
    }

    private static bool IsConfigProblem(Exception e) =>
        e is KubeConfigException or YamlException or IOException or UnauthorizedAccessException
            or FormatException or CryptographicException or ArgumentException or InvalidOperationException;

    private static KubeConfigException Named(string source, Exception e) =>
        new($"kubeconfig {source}: {Describe(e)}", e);

    private static string Describe(Exception e) => e switch
    {
        YamlException yaml => $"is not valid YAML: {yaml.Message}",
        FileNotFoundException or DirectoryNotFoundException => $"cannot be read: {e.Message}",
        FormatException => $"holds data that is not valid base64: {e.Message}",
        CryptographicException => $"holds a certificate or key that cannot be read: {e.Message}",
        _ => e.Message,
    };
}

/// <summary>A parsed kubeconfig and the context chosen in it.</summary>
internal sealed record KubeConfigFile(string Path, K8SConfiguration File, string Context)
{
    /// <summary>The context's namespace as written, read without resolving (or running) anything else.</summary>
    public string? ContextNamespace =>
        File.Contexts?.FirstOrDefault(c => string.Equals(c.Name, Context, StringComparison.OrdinalIgnoreCase))?.ContextDetails?.Namespace;
}
