using PlacementEngine.Core;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Pricing;

/// <summary>
/// Reads the pricing.yaml table: cloud -> key -> number. A key that is a known region of that cloud is a $/GB transfer
/// rate out of the region; any other key is an instance type's $/hour.
/// </summary>
internal sealed class PricingYamlReader(RegionDirectory regions, Func<long, int> lineOf, ProblemList problems)
{
    private readonly List<ConfigMapInstancePrice> _instancePrices = [];
    private readonly List<ConfigMapRegionRate> _regionRates = [];

    public ConfigMapDocument Read(YamlMappingNode table)
    {
        foreach (var (key, value) in table.Children)
        {
            var line = lineOf(key.Start.Line);
            if (key is not YamlScalarNode { Value: { } name } || !CloudNames.TryParse(name, out var cloud))
            {
                problems.Add(line, $"{Describe(key)} is not a cloud: expected aws, gcp, azure or onprem");
            }
            else if (value is not YamlMappingNode entries)
            {
                problems.Add(line, $"{name} must map instance types and regions to numbers");
            }
            else
            {
                ReadCloud(cloud, entries);
            }
        }
        return new ConfigMapDocument(_instancePrices, _regionRates);
    }

    private void ReadCloud(Cloud cloud, YamlMappingNode entries)
    {
        foreach (var (key, value) in entries.Children)
        {
            var line = lineOf(key.Start.Line);
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                problems.Add(line, $"{Describe(key)} is not an instance type or region name");
                continue;
            }
            if (value is not YamlScalarNode { Value: { } text })
            {
                problems.Add(line, $"{CellText.Quote(name)} must map to a number");
                continue;
            }
            if (!NumberText.TryParseDecimal(text, out var number, out var error))
            {
                problems.Add(line, $"{CellText.Quote(name)}: {(text.Trim().Length == 0 ? "no number given" : error)}");
                continue;
            }
            if (regions.Contains(new RegionId(cloud, name)))
            {
                _regionRates.Add(new ConfigMapRegionRate(cloud, name, number, line));
            }
            else
            {
                _instancePrices.Add(new ConfigMapInstancePrice(cloud, name, number, line));
            }
        }
    }

    private static string Describe(YamlNode node) => node is YamlScalarNode { Value: { } text } ? CellText.Quote(text) : $"a {node.NodeType}";
}
