using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Clusters;

/// <summary>"placectl clusters list".</summary>
internal static class ClustersCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List clusters with their region, jurisdiction, health and executor (kubernetes or simulated)");
        list.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var response = await run.Api.ListClustersAsync(new ListClustersRequest(), ct);
            run.Output.Write(response, () => FleetViews.Clusters(response));
            return ExitCodes.Ok;
        }, cancellationToken));
        return new Command("clusters", "Inspect the clusters jobs can be placed on") { list };
    }
}
