namespace PlacementEngine.Kubernetes.KubeConfig;

/// <summary>A kubeconfig that cannot be used: the message names the file, the entry and what is wrong with it.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubeConfigException()
    {
    }
}
