using System.Text;
using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>How much an import brought, before it is combined with the active book.</summary>
public sealed record ImportCounts(long RowsRead, int Prices, int Egress, int SpotBands)
{
    public static ImportCounts None { get; } = new(0, 0, 0, 0);
}

/// <summary>
/// The outcome of an import. Either <see cref="Data"/> is the complete catalog for the next price book version,
/// or it is null and <see cref="Problems"/> says why: a file with any problem is rejected whole.
/// </summary>
/// <param name="Format">Null when the format could not be told.</param>
/// <param name="Data">The active book's data with the file applied (see pricing/README.md for what replaces what).</param>
/// <param name="Problems">In line order, at most <see cref="MaxReportedProblems"/>.</param>
/// <param name="ProblemCount">All problems found, reported or not.</param>
/// <param name="Source">What the file was, for the price book's Source: "skypilot-csv anycloud_catalog_gcp_vms.csv".</param>
/// <param name="Notes">What the importer left out on purpose (rows without prices, TPUs, ...), for the admin to read.</param>
public sealed record ImportResult(
    PriceImportFormat? Format,
    PriceCatalogData? Data,
    IReadOnlyList<ImportProblem> Problems,
    int ProblemCount,
    ImportCounts Counts,
    string Source,
    IReadOnlyList<string> Notes)
{
    /// <summary>Enough to fix a file in a few passes without flooding a terminal or an RPC status.</summary>
    public const int MaxReportedProblems = 200;

    public bool Accepted => Data is not null;

    /// <summary>What the file replaces in the active book, per table: "all prices; only the egress rates it names; ...".</summary>
    public string Replaces { get; init; } = "";

    public int OmittedProblemCount => ProblemCount - Problems.Count;

    /// <summary>One problem per line, then "... and N more problems" when some were left out.</summary>
    public string DescribeProblems()
    {
        var text = new StringBuilder();
        foreach (var problem in Problems)
        {
            text.AppendLine(problem.ToString());
        }
        if (OmittedProblemCount > 0)
        {
            text.AppendLine($"... and {OmittedProblemCount} more problems");
        }
        return text.ToString();
    }
}
