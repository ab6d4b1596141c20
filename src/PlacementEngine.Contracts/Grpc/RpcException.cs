namespace PlacementEngine.Contracts.Grpc;

/// <summary>A call ended with a non-OK gRPC status. Servers throw it to answer with that status; clients receive it.</summary>
public sealed class RpcException : Exception
{
    public RpcException(StatusCode status, string detail)
        : base($"{status.ToWireName()}: {detail}")
    {
        Status = status;
        Detail = detail;
    }

    public RpcException(StatusCode status, string detail, Exception innerException)
        : base($"{status.ToWireName()}: {detail}", innerException)
    {
        Status = status;
        Detail = detail;
    }

    public StatusCode Status { get; }

    /// <summary>The human-readable status message (<c>grpc-message</c>), already percent-decoded.</summary>
    public string Detail { get; }
}
