using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>placement.v1.FleetService: what every authenticated caller may read about clusters and pools.</summary>
[Authorize]
internal sealed class FleetService(FleetOperations fleet) : V1.FleetService.FleetServiceBase
{
    public override Task<V1.ListClustersResponse> ListClusters(V1.ListClustersRequest request, ServerCallContext context) =>
        Task.FromResult(new V1.ListClustersResponse { Clusters = { fleet.ListClusters().Select(c => c.ToProto()) } });

    public override async Task<V1.ListPoolsResponse> ListPools(V1.ListPoolsRequest request, ServerCallContext context)
    {
        var cluster = string.IsNullOrWhiteSpace(request.Cluster) ? null : request.Cluster.Trim();
        if (cluster is not null && !fleet.ListClusters().Any(c => c.Cluster.Name == cluster))
        {
            throw Rpc.Error(StatusCode.NotFound, $"cluster '{cluster}' not found; ListClusters names the clusters");
        }
        var pools = await fleet.ListPoolsAsync(cluster, context.CancellationToken).ConfigureAwait(false);
        return new V1.ListPoolsResponse { Pools = { pools.Select(p => p.ToProto()) } };
    }
}
