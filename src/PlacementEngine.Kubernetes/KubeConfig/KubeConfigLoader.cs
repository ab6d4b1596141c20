using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PlacementEngine.Kubernetes.KubeConfig;

/// <summary>Reads a kubeconfig file and resolves one context into <see cref="KubeConnectionSettings"/>.</summary>
internal static class KubeConfigLoader
{
    public const string DefaultNamespace = "default";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    /// <param name="contextName">The context to use; null means the file's current-context.</param>
    public static KubeConnectionSettings Load(string path, string? contextName, TimeProvider time)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"kubeconfig {path} cannot be read: {e.Message}", e);
        }
        return Parse(text, path, contextName, time);
    }

    /// <param name="path">Where the text came from: named in errors, and the base of relative file paths.</param>
    public static KubeConnectionSettings Parse(string text, string path, string? contextName, TimeProvider time)
    {
        var document = Deserialize(text, path);
        var source = new KubeConfigSource(path);

        var name = contextName ?? document.CurrentContext;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw source.Error("no context was given and current-context is not set");
        }
        var context = Find(source, document.Contexts?.Select(c => (c.Name, c.Context)), "context", name);
        if (string.IsNullOrWhiteSpace(context.Cluster))
        {
            throw source.Error($"context '{name}' names no cluster");
        }
        var cluster = Find(source, document.Clusters?.Select(c => (c.Name, c.Cluster)), "cluster", context.Cluster);
        var user = string.IsNullOrWhiteSpace(context.User)
            ? null
            : Find(source, document.Users?.Select(u => (u.Name, u.User)), "user", context.User);

        var clusterCredentials = new ClusterCredentialReader(source, context.Cluster, cluster);
        var userCredentials = user is null ? null : new UserCredentialReader(source, context.User!, user, time);
        return new KubeConnectionSettings(
            name,
            clusterCredentials.ReadServer(),
            string.IsNullOrWhiteSpace(context.Namespace) ? DefaultNamespace : context.Namespace.Trim(),
            clusterCredentials.ReadTrustedAuthorities(),
            cluster.InsecureSkipTlsVerify,
            string.IsNullOrWhiteSpace(cluster.TlsServerName) ? null : cluster.TlsServerName.Trim(),
            userCredentials?.ReadClientCertificate(),
            userCredentials?.ReadToken());
    }

    private static KubeConfigDocument Deserialize(string text, string path)
    {
        try
        {
            return Yaml.Deserialize<KubeConfigDocument?>(text) ?? new KubeConfigDocument();
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"kubeconfig {path} is not valid YAML: {e.Message}", e);
        }
    }

    private static T Find<T>(KubeConfigSource source, IEnumerable<(string? Name, T? Value)>? entries, string kind, string name)
        where T : class
    {
        var all = entries?.ToList() ?? [];
        var match = all.FirstOrDefault(e => e.Name == name);
        if (match.Name is null)
        {
            var known = all.Count == 0 ? "none" : string.Join(", ", all.Select(e => e.Name));
            throw source.Error($"{kind} '{name}' not found (defined: {known})");
        }
        return match.Value ?? throw source.Error($"{kind} '{name}' has no '{kind}' section");
    }
}
