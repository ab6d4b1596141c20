using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// aws_spot_advisor_flat.csv: AWS Spot Instance Advisor's interruption band (interruption_range_index, 0 "&lt;5%" to
/// 4 "&gt;20%") per region and instance type. The Linux rows are the ones that apply to Kubernetes nodes.
/// GCP and Azure publish no such data: the price book answers <see cref="SpotInterruptionBand.DefaultBand"/> for them.
/// </summary>
public static class SpotAdvisor
{
    public const string FileName = "aws_spot_advisor_flat.csv";

    public static IReadOnlyDictionary<(Cloud Cloud, string Region, string InstanceType), int> Read(string spotDirectory)
    {
        var table = CsvTable.Read(Path.Combine(spotDirectory, FileName));
        int region = table.Column("region"), os = table.Column("os"), type = table.Column("instance_type");
        int band = table.Column("interruption_range_index");
        var bands = new Dictionary<(Cloud, string, string), int>();
        foreach (var row in table.Rows)
        {
            if (CsvTable.Cell(row, os) == "Linux" && CsvTable.Decimal(row, band) is { } index)
            {
                bands.TryAdd((Cloud.Aws, CsvTable.Cell(row, region), CsvTable.Cell(row, type)), (int)index);
            }
        }
        return bands;
    }
}
