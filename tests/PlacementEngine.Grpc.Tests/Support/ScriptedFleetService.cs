using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>A stand-in for FleetService with one cluster, so the interop host serves every API service.</summary>
[Authorize]
internal sealed class ScriptedFleetService : FleetService.FleetServiceBase
{
    public override Task<ListClustersResponse> ListClusters(ListClustersRequest request, ServerCallContext context) =>
        Task.FromResult(new ListClustersResponse { Clusters = { new Cluster { Name = "scripted" } } });
}
