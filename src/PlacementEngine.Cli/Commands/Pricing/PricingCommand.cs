using System.CommandLine;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>"placectl pricing ...": admins keep prices current. Every change is a new price book version.</summary>
internal static class PricingCommand
{
    public static Command Create(CliContext context) => new("pricing", "Keep prices current (admin token): import, override, list, diff, activate (roll back), show")
    {
        ImportCommand.Create(context),
        OverrideCommand.Create(context),
        BooksCommand.Create(context),
        DiffCommand.Create(context),
        ActivateCommand.Create(context),
        ShowCommand.Create(context),
    };

    /// <summary>A price book version argument: a whole number from 1.</summary>
    public static Argument<long> VersionArgument(string name, string description) => new(name)
    {
        Description = description,
        Validators =
        {
            result =>
            {
                if (result.Tokens.Count > 0 && (!long.TryParse(result.Tokens[0].Value, out var version) || version < 1))
                {
                    result.AddError($"{name} must be a price book version, a whole number from 1 (pricing books list shows them), got '{result.Tokens[0].Value}'.");
                }
            },
        },
    };
}
