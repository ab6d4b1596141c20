using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pools;

/// <summary>"placectl pools list [--cluster C]".</summary>
internal static class PoolsCommand
{
    public static Command Create(CliContext context)
    {
        var cluster = new Option<string>("--cluster")
        {
            Description = "Only this cluster's pools",
            HelpName = "NAME",
        };

        var list = new Command("list", "List capacity pools: instance type, capacity type, nodes in use and price") { cluster };
        list.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var response = await run.Api.ListPoolsAsync(new ListPoolsRequest { Cluster = result.GetValue(cluster) ?? "" }, ct);
            run.Output.Write(response, () => FleetViews.Pools(response));
            return ExitCodes.Ok;
        }, cancellationToken));
        return new Command("pools", "Inspect capacity pools") { list };
    }
}
