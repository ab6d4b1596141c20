namespace PlacementEngine.Grpc.Transport;

/// <summary>A deferred registration of gRPC methods, run when the registry is first resolved from DI.</summary>
public sealed record GrpcRegistration(Action<IServiceProvider, GrpcServiceRegistry> Register);
