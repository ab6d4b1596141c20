using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Transport;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>placement.v1.FleetService: what every authenticated caller may read about clusters and pools.</summary>
internal sealed class FleetService(FleetOperations fleet)
{
    public void Register(GrpcServiceRegistry registry)
    {
        registry.AddUnary<V1.ListClustersRequest, V1.ListClustersResponse>(FleetServiceMethods.ListClusters, V1.ListClustersRequest.Parser, ListClustersAsync);
        registry.AddUnary<V1.ListPoolsRequest, V1.ListPoolsResponse>(FleetServiceMethods.ListPools, V1.ListPoolsRequest.Parser, ListPoolsAsync);
    }

    public Task<V1.ListClustersResponse> ListClustersAsync(V1.ListClustersRequest request, ServerCallContext context)
    {
        context.RequireCaller();
        return Task.FromResult(new V1.ListClustersResponse { Clusters = { fleet.ListClusters().Select(c => c.ToProto()) } });
    }

    public async Task<V1.ListPoolsResponse> ListPoolsAsync(V1.ListPoolsRequest request, ServerCallContext context)
    {
        context.RequireCaller();
        var cluster = string.IsNullOrWhiteSpace(request.Cluster) ? null : request.Cluster.Trim();
        if (cluster is not null && !fleet.ListClusters().Any(c => c.Cluster.Name == cluster))
        {
            throw new RpcException(StatusCode.NotFound, $"cluster '{cluster}' not found; ListClusters names the clusters");
        }
        var pools = await fleet.ListPoolsAsync(cluster, context.CancellationToken).ConfigureAwait(false);
        return new V1.ListPoolsResponse { Pools = { pools.Select(p => p.ToProto()) } };
    }
}
