using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>Hourly prices: a known region, a valid instance type name, 0 to the limit, each key once, no large rise.</summary>
internal static class PriceEntryChecks
{
    public static void Check(
        IReadOnlyList<PriceEntry> prices,
        IReadOnlyList<int> lines,
        PriceBook? active,
        ImportValidationOptions options,
        List<ImportProblem> problems)
    {
        var firstLines = new Dictionary<PriceKey, (int Line, Money Price)>(prices.Count);
        for (var i = 0; i < prices.Count; i++)
        {
            var (key, price) = prices[i];
            var line = LineMap.At(lines, i);
            if (!options.Regions.Contains(new RegionId(key.Cloud, key.Region)))
            {
                problems.Add(new(line, $"unknown region {key.Cloud.ToWire()}:{CellText.Quote(key.Region)}: the server's region table does not have it"));
            }
            if (!InstanceTypeNames.IsValid(key.InstanceType))
            {
                problems.Add(new(line, $"instance type {CellText.Quote(key.InstanceType)} is not a valid name (letters, digits and . _ + - only, at most {PriceLimits.MaxInstanceTypeLength} characters)"));
            }
            CheckAmount(key, price, line, options.AllowBelowFloor, problems);
            if (!firstLines.TryAdd(key, (line, price)))
            {
                var first = firstLines[key];
                var how = first.Price == price ? "" : $" at {first.Price.Dollars}, here {price.Dollars}";
                problems.Add(new(line, $"duplicate key {key}: already priced at line {first.Line}{how}"));
            }
            else if (!options.AllowLargeChanges && active is not null && active.TryGetHourly(key, out var current))
            {
                CheckLargeRise(key, current, price, line, problems);
            }
        }
    }

    private static void CheckAmount(PriceKey key, Money price, int line, bool allowBelowFloor, List<ImportProblem> problems)
    {
        if (price.IsNegative)
        {
            problems.Add(new(line, $"negative price {price.Dollars} for {key}"));
        }
        else if (!allowBelowFloor && price.Dollars < PriceFloor.MinHourly)
        {
            problems.Add(new(line,
                $"price for {key} is below the floor of {PriceFloor.MinHourly} dollars per node-hour, so the pool would look free "
                + $"(import with --allow-below-floor if it is right): {price.Dollars}"));
        }
        else if (price.Dollars > PriceLimits.MaxHourly)
        {
            problems.Add(new(line, $"price {price.Dollars} for {key} is above the limit of {PriceLimits.MaxHourly} dollars per node-hour"));
        }
    }

    // Only a rise is flagged: a typo that adds a digit or a per-day figure taken for per-hour makes a pool look dear
    // and silently unused. A zero active price has no ratio to compare against, so it is never flagged.
    private static void CheckLargeRise(PriceKey key, Money current, Money price, int line, List<ImportProblem> problems)
    {
        if (current.Dollars > 0m && price.Dollars > current.Dollars * ImportValidationOptions.LargeChangeFactor)
        {
            problems.Add(new(line,
                $"price {price.Dollars} for {key} is more than {ImportValidationOptions.LargeChangeFactor} times the active price {current.Dollars}; "
                + "import with --allow-large-changes if it is right"));
        }
    }
}
