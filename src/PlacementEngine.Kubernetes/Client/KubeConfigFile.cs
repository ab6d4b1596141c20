using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace PlacementEngine.Kubernetes.Client;

/// <summary>A parsed kubeconfig and the context chosen in it.</summary>
internal sealed record KubeConfigFile(string Path, K8SConfiguration File, string Context)
{
    /// <summary>The context's namespace as written, read without resolving (or running) anything else.</summary>
    public string? ContextNamespace =>
        File.Contexts?.FirstOrDefault(c => string.Equals(c.Name, Context, StringComparison.OrdinalIgnoreCase))?.ContextDetails?.Namespace;

    /// <summary>Reads the file and checks that the context and what it names exist; nothing is run yet.</summary>
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
        catch (Exception e) when (ClusterConfigs.IsConfigProblem(e))
        {
            throw ClusterConfigs.Named(path, e);
        }
    }

    private static K8SConfiguration Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new KubeConfigException("cannot be read: no such file");
        }
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
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        foreach (var user in file.Users ?? [])
        {
            if (user.UserCredentials?.ExternalExecution is { Command: { Length: > 0 } command } exec
                && command.Contains('/', StringComparison.Ordinal)
                && !System.IO.Path.IsPathRooted(command))
            {
                exec.Command = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, command));
            }
        }
    }
}
