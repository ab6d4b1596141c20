namespace PlacementEngine.Kubernetes.KubeConfig;

/// <summary>A credential could not be obtained for a request (a credential plugin failed or timed out).</summary>
public sealed class CredentialException : Exception
{
    public CredentialException()
    {
    }

    public CredentialException(string message)
        : base(message)
    {
    }

    public CredentialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
