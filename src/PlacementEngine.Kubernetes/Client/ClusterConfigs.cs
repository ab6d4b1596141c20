using System.Security.Cryptography;
using k8s;
using k8s.Exceptions;
using YamlDotNet.Core;

namespace PlacementEngine.Kubernetes.Client;

/// <summary>
/// Where a cluster's API is and how to authenticate to it, resolved by KubernetesClient from a kubeconfig context or
/// from the pod's service account. Every problem surfaces as one <see cref="KubeConfigException"/> naming the file.
/// </summary>
internal static class ClusterConfigs
{
    public const string DefaultNamespace = "default";

    // How the package words a failed credential plugin run; the plugin, not the file, is at fault then.
    private const string PluginFailurePrefix = "external exec failed";

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

    public static bool IsConfigProblem(Exception e) =>
        e is KubeConfigException or YamlException or IOException or UnauthorizedAccessException
            or FormatException or CryptographicException or ArgumentException or InvalidOperationException;

    public static KubeConfigException Named(string source, Exception e) =>
        new($"kubeconfig {source}: {FirstLine(Describe(e))}", e);

    // The package puts whole exception dumps, stack traces included, into some messages (a failed plugin run).
    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();

    private static string Describe(Exception e) => e switch
    {
        YamlException yaml => $"is not valid YAML: {yaml.Message}",
        FileNotFoundException or DirectoryNotFoundException => $"cannot be read: {e.Message}",
        FormatException => $"holds data that is not valid base64: {e.Message}",
        CryptographicException => $"holds a certificate or key that cannot be read: {e.Message}",
        _ => e.Message,
    };
}
