using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>A parsed placement-v1 file: the price book part, the region table (if the file has one), and which tables it held.</summary>
internal sealed record PlacementV1Content(ParsedImport Import, IReadOnlyList<RegionInfo> Regions, IReadOnlySet<PlacementV1Table> Tables);
