using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>
/// "placectl pricing override set|list|remove": adjustments on top of imported prices (negotiated discounts,
/// savings plans). Setting or removing one makes a new active version.
/// </summary>
internal static class OverrideCommand
{
    public static Command Create(CliContext context) => new("override", "Set, list and remove price overrides")
    {
        Set(context),
        List(context),
        Remove(context),
    };

    private static Command Set(CliContext context)
    {
        var id = new Option<string>("--id") { Description = "The override's id; setting an existing id replaces it", HelpName = "ID", Required = true };
        var cloud = new Option<string>("--cloud") { Description = "Only this cloud", HelpName = "CLOUD" }.AcceptOnlyFromAmong("aws", "gcp", "azure", "onprem");
        var region = new Option<string>("--region") { Description = "Only this region, e.g. europe-west4", HelpName = "REGION" };
        var family = new Option<string>("--family") { Description = "Only this instance family: p4d, a2-highgpu, Standard_ND", HelpName = "FAMILY" };
        var instance = new Option<string>("--instance") { Description = "Only this instance type", HelpName = "TYPE" };
        var capacity = new Option<string>("--capacity-type") { Description = "Only this capacity type", HelpName = "TYPE" }
            .AcceptOnlyFromAmong("spot", "on-demand", "reserved");
        var price = new Option<string>("--price") { Description = "The matched prices become this many dollars per node-hour", HelpName = "DOLLARS" };
        var percent = new Option<string>("--percent") { Description = "The matched prices change by this many percent; -15 is a 15% discount", HelpName = "N" };
        var comment = new Option<string>("--comment") { Description = "Why, stored with the override", HelpName = "TEXT" };
        var allowBelowFloor = new Option<bool>("--allow-below-floor") { Description = "Accept bringing prices below $0.0001 per node-hour, zero included" };

        var command = new Command("set", "Add or replace an override (exactly one of --price and --percent)")
        {
            id, cloud, region, family, instance, capacity, price, percent, comment, allowBelowFloor,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(price) is null) == (result.GetResult(percent) is null))
            {
                result.AddError("Give exactly one of --price DOLLARS and --percent N.");
            }
        });
        command.SetAction((result, cancellationToken) => context.RunPricingAsync(result, async (run, ct) =>
        {
            var change = new PriceOverride
            {
                Id = result.GetRequiredValue(id),
                Selector = new OverrideSelector
                {
                    Cloud = result.GetValue(cloud) ?? "",
                    Region = result.GetValue(region) ?? "",
                    InstanceFamily = result.GetValue(family) ?? "",
                    InstanceType = result.GetValue(instance) ?? "",
                    CapacityType = PricingDisplay.ParseCapacity(result.GetValue(capacity)),
                },
                Comment = result.GetValue(comment) ?? "",
            };
            if (result.GetValue(price) is { } dollars)
            {
                change.AbsolutePrice = dollars;
            }
            else
            {
                change.Percent = result.GetRequiredValue(percent);
            }
            var book = await run.Api.SetOverrideAsync(new SetOverrideRequest { Override = change, AllowBelowFloor = result.GetValue(allowBelowFloor) }, ct);
            run.Output.Write(book, () => PricingViews.Changed($"Override {change.Id} set", book));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command List(CliContext context)
    {
        var version = new Option<long>("--version") { Description = "A price book version [default: the active one]", HelpName = "VERSION" };
        var command = new Command("list", "List the overrides of the active (or another) price book version") { version };
        command.SetAction((result, cancellationToken) => context.RunPricingAsync(result, async (run, ct) =>
        {
            var response = await run.Api.ListOverridesAsync(new ListOverridesRequest { Version = result.GetValue(version) }, ct);
            run.Output.Write(response, () => PricingViews.Overrides(response));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The override's id, as override list shows it" };
        var comment = new Option<string>("--comment") { Description = "Why, stored with the new version", HelpName = "TEXT" };
        var command = new Command("remove", "Remove an override from the active price book (a new version)") { id, comment };
        command.SetAction((result, cancellationToken) => context.RunPricingAsync(result, async (run, ct) =>
        {
            var request = new RemoveOverrideRequest { Id = result.GetRequiredValue(id), Comment = result.GetValue(comment) ?? "" };
            var book = await run.Api.RemoveOverrideAsync(request, ct);
            run.Output.Write(book, () => PricingViews.Changed($"Override {request.Id} removed", book));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
