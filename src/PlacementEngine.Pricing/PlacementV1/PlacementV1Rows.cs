using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Reads the rows of each placement-v1 table, keeping each entry's line. A row with a problem yields nothing, after
/// every problem it has is reported. The regions table defines regions, so its own are not checked against any.
/// </summary>
internal sealed class PlacementV1Rows(RegionDirectory regions, ProblemList problems)
{
    private readonly List<string> _cells = [];
    private readonly NamePool _names = new();
    private readonly Dictionary<(Cloud, string, string), int> _priceRows = [];

    public List<PriceEntry> Prices { get; } = [];

    public List<int> PriceLines { get; } = [];

    public List<EgressEntry> Egress { get; } = [];

    public List<int> EgressLines { get; } = [];

    public List<SpotBandEntry> SpotBands { get; } = [];

    public List<int> SpotBandLines { get; } = [];

    public List<RegionInfo> Regions { get; } = [];

    public void Read(PlacementV1Table table, string line, int lineNumber)
    {
        if (CsvFields.Split(line, _cells) is { } quoting)
        {
            problems.Add(lineNumber, quoting);
            return;
        }
        if (_cells.Count != PlacementV1Format.ColumnCount(table))
        {
            problems.Add(lineNumber, $"the row has {_cells.Count} cells where the {PlacementV1Format.Name(table)} table has {PlacementV1Format.ColumnCount(table)} columns");
            return;
        }
        var before = problems.Count;
        switch (table)
        {
            case PlacementV1Table.Prices: ReadPrice(lineNumber, before); break;
            case PlacementV1Table.Egress: ReadEgress(lineNumber, before); break;
            case PlacementV1Table.SpotBands: ReadSpotBand(lineNumber, before); break;
            default: ReadRegion(lineNumber, before); break;
        }
    }

    private void ReadPrice(int line, int before)
    {
        var cloud = CloudAt(0, line);
        var region = KnownRegionAt(cloud, 1, line, before);
        var instanceType = TextAt(2, "instance_type", line);
        var prices = new List<PriceEntry>(PlacementV1Format.PriceColumns.Count);
        for (var i = 0; i < PlacementV1Format.PriceColumns.Count; i++)
        {
            var (capacity, column) = PlacementV1Format.PriceColumns[i];
            var text = _cells[3 + i];
            if (text.Trim().Length == 0)
            {
                continue;
            }
            if (!NumberText.TryParseDecimal(text, out var hourly, out var error))
            {
                problems.Add(line, $"{column} {error}");
            }
            prices.Add(new PriceEntry(new PriceKey(cloud, region, instanceType, capacity), Money.Of(hourly)));
        }
        if (problems.Count == before && prices.Count == 0)
        {
            problems.Add(line, "no price given: on_demand_usd, spot_usd and reserved_usd are all blank");
        }
        if (problems.Count == before && !_priceRows.TryAdd((cloud, region, instanceType), line))
        {
            problems.Add(line, $"duplicate row: {cloud.ToWire()}:{region}/{instanceType} is already priced at line {_priceRows[(cloud, region, instanceType)]}");
        }
        if (problems.Count == before)
        {
            Prices.AddRange(prices);
            PriceLines.AddRange(prices.Select(_ => line));
        }
    }

    private void ReadEgress(int line, int before)
    {
        var from = RegionAt(0, "from", line);
        var to = RegionAt(1, "to", line);
        if (problems.Count == before)
        {
            CheckKnown(from, line);
            if (to != from)
            {
                CheckKnown(to, line);
            }
        }
        var rate = NumberAt(2, "usd_per_gb", line);
        if (problems.Count == before)
        {
            Egress.Add(new EgressEntry(from, to, Money.Of(rate)));
            EgressLines.Add(line);
        }
    }

    private void ReadSpotBand(int line, int before)
    {
        var cloud = CloudAt(0, line);
        var region = KnownRegionAt(cloud, 1, line, before);
        var instanceType = TextAt(2, "instance_type", line);
        if (!NumberText.TryParseCount(_cells[3], out var band, out var error))
        {
            problems.Add(line, $"band {error}");
        }
        if (problems.Count == before)
        {
            SpotBands.Add(new SpotBandEntry(cloud, region, instanceType, band));
            SpotBandLines.Add(line);
        }
    }

    // The jurisdiction column restates the core's rule so a reader of the file sees it; it must agree with the rule.
    private void ReadRegion(int line, int before)
    {
        var cloud = CloudAt(0, line);
        var region = TextAt(1, "region", line);
        var country = _cells[2].Trim();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            problems.Add(line, $"country {CellText.Quote(country)} is not a two-letter ISO code such as DE");
        }
        else if (Jurisdiction.ForCountry(country).Code != _cells[3].Trim())
        {
            problems.Add(line, $"jurisdiction {CellText.Quote(_cells[3].Trim())} does not follow from country {country}: expected {Jurisdiction.ForCountry(country)}");
        }
        if (problems.Count == before)
        {
            Regions.Add(new RegionInfo(new RegionId(cloud, region), country, Jurisdiction.ForCountry(country)));
        }
    }

    private Cloud CloudAt(int column, int line)
    {
        if (!CloudNames.TryParse(_cells[column], out var cloud))
        {
            problems.Add(line, $"cloud {CellText.Quote(_cells[column])} is not aws, gcp, azure or onprem");
        }
        return cloud;
    }

    private string TextAt(int column, string name, int line)
    {
        var text = _cells[column].Trim();
        if (text.Length == 0)
        {
            problems.Add(line, $"{name} is empty");
        }
        return _names.Get(text);
    }

    private string KnownRegionAt(Cloud cloud, int column, int line, int problemsBefore)
    {
        var region = TextAt(column, "region", line);
        if (problems.Count == problemsBefore)
        {
            CheckKnown(new RegionId(cloud, region), line);
        }
        return region;
    }

    private void CheckKnown(RegionId region, int line)
    {
        if (!regions.Contains(region))
        {
            problems.Add(line, $"unknown region {region.Cloud.ToWire()}:{CellText.Quote(region.Name)}: the server's region table does not have it");
        }
    }

    private RegionId RegionAt(int column, string name, int line)
    {
        if (!RegionId.TryParse(_cells[column], out var region))
        {
            problems.Add(line, $"{name} {CellText.Quote(_cells[column])} is not a region written cloud:region, such as gcp:europe-west4");
        }
        return region;
    }

    private decimal NumberAt(int column, string name, int line)
    {
        if (!NumberText.TryParseDecimal(_cells[column], out var value, out var error))
        {
            problems.Add(line, $"{name} {(_cells[column].Trim().Length == 0 ? "is empty" : error)}");
        }
        return value;
    }
}
