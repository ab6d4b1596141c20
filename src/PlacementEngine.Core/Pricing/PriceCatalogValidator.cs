namespace PlacementEngine.Core;

/// <summary>
/// The integrity an import must have before it can become a version, whatever format it was read from:
/// at least one price, no key twice, no negative amounts, blank names or unknown bands. Format readers report
/// their own line-level errors first; this is the last check before the store.
/// </summary>
public static class PriceCatalogValidator
{
    /// <summary>Past this many errors the rest are counted, not listed: a bad file should not produce a 88,000-line reply.</summary>
    public const int MaxListedErrors = 20;

    public const int MaxSpotBand = 4;

    public static IReadOnlyList<FieldError> Validate(PriceCatalogData data)
    {
        var errors = new ErrorList();
        if (data.Prices.Count == 0)
        {
            errors.Add("prices", "an import with no prices would leave the scheduler nothing to place on");
        }
        CheckPrices(data.Prices, errors);
        CheckEgress(data.Egress, errors);
        CheckSpotBands(data.SpotBands, errors);
        return errors.ToList();
    }

    private static void CheckPrices(IReadOnlyList<PriceEntry> prices, ErrorList errors)
    {
        var seen = new HashSet<PriceKey>(prices.Count);
        for (var i = 0; i < prices.Count; i++)
        {
            var (key, hourly) = (prices[i].Key, prices[i].Hourly);
            var field = $"prices[{i}]";
            if (!Enum.IsDefined(key.Cloud) || !Enum.IsDefined(key.CapacityType))
            {
                errors.Add(field, "has an unknown cloud or capacity type");
                continue;
            }
            if (string.IsNullOrWhiteSpace(key.Region) || string.IsNullOrWhiteSpace(key.InstanceType))
            {
                errors.Add(field, $"{key} needs a region and an instance type");
            }
            if (hourly.IsNegative)
            {
                errors.Add(field, $"{key} has a negative price {hourly.Dollars}");
            }
            if (!seen.Add(key))
            {
                errors.Add(field, $"{key} is listed more than once");
            }
        }
    }

    private static void CheckEgress(IReadOnlyList<EgressEntry> egress, ErrorList errors)
    {
        var seen = new HashSet<(RegionId, RegionId)>(egress.Count);
        for (var i = 0; i < egress.Count; i++)
        {
            var entry = egress[i];
            var field = $"egress[{i}]";
            if (!Enum.IsDefined(entry.From.Cloud) || !Enum.IsDefined(entry.To.Cloud))
            {
                errors.Add(field, "has an unknown cloud");
                continue;
            }
            if (string.IsNullOrWhiteSpace(entry.From.Name) || string.IsNullOrWhiteSpace(entry.To.Name))
            {
                errors.Add(field, $"egress {entry.From} -> {entry.To} needs both regions");
            }
            if (entry.PerGb.IsNegative)
            {
                errors.Add(field, $"egress {entry.From} -> {entry.To} has a negative rate {entry.PerGb.Dollars}");
            }
            if (!seen.Add((entry.From, entry.To)))
            {
                errors.Add(field, $"egress {entry.From} -> {entry.To} is listed more than once");
            }
        }
    }

    private static void CheckSpotBands(IReadOnlyList<SpotBandEntry> bands, ErrorList errors)
    {
        var seen = new HashSet<(Cloud, string, string)>(bands.Count);
        for (var i = 0; i < bands.Count; i++)
        {
            var entry = bands[i];
            var field = $"spot_bands[{i}]";
            if (!Enum.IsDefined(entry.Cloud))
            {
                errors.Add(field, "has an unknown cloud");
                continue;
            }
            var name = $"{entry.Cloud.ToWire()}:{entry.Region}/{entry.InstanceType}";
            if (string.IsNullOrWhiteSpace(entry.Region) || string.IsNullOrWhiteSpace(entry.InstanceType))
            {
                errors.Add(field, $"spot band {name} needs a region and an instance type");
            }
            if (entry.Band < 0 || entry.Band > MaxSpotBand)
            {
                errors.Add(field, $"spot band {name} is {entry.Band}; bands run from 0 to {MaxSpotBand}");
            }
            if (!seen.Add((entry.Cloud, entry.Region, entry.InstanceType)))
            {
                errors.Add(field, $"spot band {name} is listed more than once");
            }
        }
    }

    private sealed class ErrorList
    {
        private readonly List<FieldError> _listed = [];
        private int _unlisted;

        public void Add(string field, string message)
        {
            if (_listed.Count < MaxListedErrors)
            {
                _listed.Add(new(field, message));
            }
            else
            {
                _unlisted++;
            }
        }

        public List<FieldError> ToList() =>
            _unlisted == 0 ? _listed : [.. _listed, new("data", $"{_unlisted} more errors not listed")];
    }
}
