namespace PlacementEngine.Pricing;

/// <summary>One file of the shipped catalog: its name in pricing/ and its exact text.</summary>
public sealed record GeneratedFile(string Name, string Content);
