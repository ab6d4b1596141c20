using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>"placectl pricing books list": every stored version, newest first, the active one marked.</summary>
internal static class BooksCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List every price book version with who made it, when and why; the active one is marked *");
        list.SetAction((result, cancellationToken) => context.RunPricingAsync(result, async (run, ct) =>
        {
            var response = await run.Api.ListPriceBooksAsync(new ListPriceBooksRequest(), ct);
            run.Output.Write(response, () => PricingViews.Books(response));
            return ExitCodes.Ok;
        }, cancellationToken));
        return new Command("books", "Inspect price book versions") { list };
    }
}
