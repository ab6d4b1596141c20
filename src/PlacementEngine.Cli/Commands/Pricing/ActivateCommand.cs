using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>"placectl pricing activate VERSION": the scheduler prices with it from its next cycle. An older version is the rollback.</summary>
internal static class ActivateCommand
{
    public static Command Create(CliContext context)
    {
        var version = PricingCommand.VersionArgument("VERSION", "The version to make active, as books list shows it");
        var command = new Command("activate", "Make a price book version the active one; activating an older version rolls back") { version };
        command.SetAction((result, cancellationToken) => context.RunPricingAsync(result, async (run, ct) =>
        {
            var book = await run.Api.ActivatePriceBookAsync(new ActivatePriceBookRequest { Version = result.GetRequiredValue(version) }, ct);
            run.Output.Write(book, () => PricingViews.Changed($"Price book {book.Version} activated", book));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
