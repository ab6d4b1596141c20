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

    /// <param name="context">The context to use; null means the file's current-context.</param>
    public static KubernetesClientConfiguration FromKubeConfig(string path, string? context)
    {
        try
        {
            var file = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path), useRelativePaths: true);
            ResolvePluginCommands(file, path);
            if (context is null && string.IsNullOrWhiteSpace(file.CurrentContext))
            {
                // The package would fall through to "cannot infer server host url", which hides the real cause.
                throw new KubeConfigException("no context was given and current-context is not set");
            }
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(file, currentContext: context);
        }
        catch (Exception e) when (IsConfigProblem(e))
        {
            throw Named(path, e);
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

    public static string NamespaceOf(KubernetesClientConfiguration config) =>
        string.IsNullOrWhiteSpace(config.Namespace) ? DefaultNamespace : config.Namespace.Trim();

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
            or FormatException or CryptographicException or ArgumentException or InvalidOperationException or NullReferenceException;

    private static KubeConfigException Named(string source, Exception e) =>
        new($"kubeconfig {source}: {Describe(e)}", e);

    private static string Describe(Exception e) => e switch
    {
        YamlException yaml => $"is not valid YAML: {yaml.Message}",
        FileNotFoundException or DirectoryNotFoundException => $"cannot be read: {e.Message}",
        FormatException => $"holds data that is not valid base64: {e.Message}",
        CryptographicException => $"holds a certificate or key that cannot be read: {e.Message}",
        NullReferenceException => "lacks a section the context needs (contexts, clusters or users)",
        _ => e.Message,
    };
}
