using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>"placectl pricing diff A B": prices added, removed and changed (with percentages) from version A to B, overrides applied.</summary>
internal static class DiffCommand
{
    public const int DefaultLimit = 50;

    public static Command Create(CliContext context)
    {
        var from = PricingCommand.VersionArgument("A", "The older version");
        var to = PricingCommand.VersionArgument("B", "The newer version");
        var limit = new Option<int>("--limit")
        {
            Description = $"Rows listed per table; the counts cover every row [default: {DefaultLimit}]",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultLimit,
        };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 20_000)
            {
                result.AddError("--limit must be from 1 to 20000.");
            }
        });

        var command = new Command("diff", "What changes for the scheduler when version B replaces version A") { from, to, limit };
        command.SetAction((result, cancellationToken) => context.RunPricingAsync(result, async (run, ct) =>
        {
            var request = new DiffPriceBooksRequest
            {
                FromVersion = result.GetRequiredValue(from),
                ToVersion = result.GetRequiredValue(to),
                MaxRows = result.GetValue(limit),
            };
            var response = await run.Api.DiffPriceBooksAsync(request, ct);
            run.Output.Write(response, () => DiffView.Build(response));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
