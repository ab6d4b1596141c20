using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Reads a SkyPilot catalog's data rows into host rows and (GCP) GPU rows, one problem per thing wrong. A row with a
/// problem yields nothing, so a later check never reports it twice. A row repeating an earlier one for the same place
/// with the same prices is dropped; with other prices it is a problem, as nobody can tell which one is right.
/// </summary>
internal sealed class SkyPilotRowReader(SkyPilotHeader header, Cloud cloud, RegionDirectory regions, ProblemList problems, SkippedRows skipped)
{
    private readonly List<string> _cells = [];
    private readonly Dictionary<(string Place, string InstanceType), ZonalPrice> _hosts = [];
    private readonly Dictionary<(string Place, string Model, int Count), GpuRow> _gpus = [];

    public List<ZonalPrice> Hosts { get; } = [];

    public List<GpuRow> Gpus { get; } = [];

    public void Read(string line, int lineNumber)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        if (CsvFields.Split(line, _cells) is { } quoting)
        {
            problems.Add(lineNumber, quoting);
            return;
        }
        if (_cells.Count < header.ColumnCount || (_cells.Count > header.ColumnCount && !header.ExtraCellsJoinLastColumn))
        {
            problems.Add(lineNumber, $"the row has {_cells.Count} cells where the header has {header.ColumnCount} columns");
            return;
        }
        var before = problems.Count;
        var region = Cell(header.Region);
        var zone = header.Zone >= 0 ? Cell(header.Zone) : "";
        CheckPlace(region, zone, lineNumber);
        var onDemand = Price(header.Price, "Price", lineNumber);
        var spot = Price(header.SpotPrice, "SpotPrice", lineNumber);
        var instanceType = Cell(header.InstanceType);
        var place = zone.Length > 0 ? zone : region;
        if (instanceType.Length == 0 && cloud == Cloud.Gcp)
        {
            ReadGpu(region, place, onDemand, spot, lineNumber, before);
            return;
        }
        if (instanceType.Length == 0)
        {
            problems.Add(lineNumber, "InstanceType is empty");
        }
        CheckKnownRegion(region, lineNumber);
        if (problems.Count == before)
        {
            AddHost(new ZonalPrice(region, place, instanceType, onDemand, spot, lineNumber));
        }
    }

    private void ReadGpu(string region, string place, decimal? onDemand, decimal? spot, int lineNumber, int problemsBefore)
    {
        var name = Cell(header.AcceleratorName);
        if (name.Length == 0)
        {
            problems.Add(lineNumber, "a row with an empty InstanceType prices accelerators, but AcceleratorName is empty too");
        }
        var countText = Cell(header.AcceleratorCount);
        if (!NumberText.TryParseCount(countText, out var count, out var error) || count == 0)
        {
            problems.Add(lineNumber, countText.Length == 0 ? "AcceleratorCount is empty" : $"AcceleratorCount {(error.Length > 0 ? error : "must be 1 or more")}");
        }
        if (problems.Count > problemsBefore)
        {
            return;
        }
        if (GpuModels.Normalize(name) is not { } model)
        {
            skipped.NonGpuAccelerators++;
            return;
        }
        CheckKnownRegion(region, lineNumber);
        if (problems.Count > problemsBefore)
        {
            return;
        }
        var gpu = new GpuRow(region, place, model, count, onDemand, spot, lineNumber);
        if (onDemand is null && spot is null)
        {
            skipped.Unpriced++;
        }
        else if (!_gpus.TryAdd((place, model, count), gpu))
        {
            Repeated(_gpus[(place, model, count)].Line, _gpus[(place, model, count)].SamePrices(gpu), $"{count} x {model} in {place}", lineNumber);
        }
        else
        {
            Gpus.Add(gpu);
        }
    }

    private void AddHost(ZonalPrice host)
    {
        if (host.OnDemand is null && host.Spot is null)
        {
            skipped.Unpriced++;
        }
        else if (!_hosts.TryAdd((host.Place, host.InstanceType), host))
        {
            var first = _hosts[(host.Place, host.InstanceType)];
            Repeated(first.Line, first.SamePrices(host), $"{host.InstanceType} in {host.Place}", host.Line);
        }
        else
        {
            Hosts.Add(host);
        }
    }

    private void Repeated(int firstLine, bool samePrices, string what, int lineNumber)
    {
        if (samePrices)
        {
            skipped.RepeatedVerbatim++;
        }
        else
        {
            problems.Add(lineNumber, $"duplicate row: {CellText.Quote(what)} is already listed at line {firstLine} with other prices");
        }
    }

    private void CheckPlace(string region, string zone, int lineNumber)
    {
        if (region.Length == 0)
        {
            problems.Add(lineNumber, "Region is empty");
        }
        else if (cloud == Cloud.Gcp && zone.Length > 0 && !zone.StartsWith(region + "-", StringComparison.Ordinal))
        {
            problems.Add(lineNumber, $"AvailabilityZone {CellText.Quote(zone)} is not a zone of Region {CellText.Quote(region)}");
        }
    }

    // Checked here as well as after parsing, so a row with a bad price and a bad region shows both.
    private void CheckKnownRegion(string region, int lineNumber)
    {
        if (region.Length > 0 && !regions.Contains(new RegionId(cloud, region)))
        {
            problems.Add(lineNumber, $"unknown region {cloud.ToWire()}:{CellText.Quote(region)}: the server's region table does not have it");
        }
    }

    /// <summary>Blank is no price for that capacity type, which is not a problem.</summary>
    private decimal? Price(int column, string name, int lineNumber)
    {
        var text = Cell(column);
        if (text.Length == 0)
        {
            return null;
        }
        if (!NumberText.TryParseDecimal(text, out var value, out var error))
        {
            problems.Add(lineNumber, $"{name} {error}");
            return null;
        }
        if (value < 0m)
        {
            problems.Add(lineNumber, $"{name} is negative ({NumberText.Format(value)})");
            return null;
        }
        // Checked per row as well as per entry: a wild price in one zone would hide behind a cheaper zone's.
        if (value > PriceLimits.MaxHourly)
        {
            problems.Add(lineNumber, $"{name} {NumberText.Format(value)} is above the limit of {PriceLimits.MaxHourly} dollars per node-hour");
            return null;
        }
        return value;
    }

    private string Cell(int column) => _cells[column].Trim();
}
