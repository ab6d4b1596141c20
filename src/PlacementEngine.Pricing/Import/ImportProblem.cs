namespace PlacementEngine.Pricing;

/// <summary>One thing wrong with an imported file, located well enough for an admin to fix it.</summary>
/// <param name="Line">1-based line in the file; 0 for the file as a whole (empty, unknown format) or for data given without lines.</param>
public sealed record ImportProblem(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : $"line 0 (whole file): {Message}";
}
