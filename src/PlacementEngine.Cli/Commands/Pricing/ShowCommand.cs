using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>"placectl pricing show --cloud C --region R --instance I": what the active book charges, per capacity type.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var cloud = new Option<string>("--cloud") { Description = "aws, gcp, azure or onprem", HelpName = "CLOUD", Required = true }
            .AcceptOnlyFromAmong("aws", "gcp", "azure", "onprem");
        var region = new Option<string>("--region") { Description = "The region, e.g. us-central1", HelpName = "REGION", Required = true };
        var instance = new Option<string>("--instance") { Description = "The instance type, e.g. a2-highgpu-8g", HelpName = "TYPE", Required = true };

        var command = new Command("show", "Show the active price of an instance type per capacity type: as imported and with overrides") { cloud, region, instance };
        command.SetAction((result, cancellationToken) => context.RunPricingAsync(result, async (run, ct) =>
        {
            var request = new GetPriceRequest
            {
                Cloud = result.GetRequiredValue(cloud),
                Region = result.GetRequiredValue(region),
                InstanceType = result.GetRequiredValue(instance),
            };
            var response = await run.Api.GetPriceAsync(request, ct);
            run.Output.Write(response, () => PricingViews.Price(response));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
