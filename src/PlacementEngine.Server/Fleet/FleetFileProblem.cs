namespace PlacementEngine.Server.FleetFiles;

/// <summary>One thing wrong with a fleet file, located well enough for a person to fix it.</summary>
/// <param name="Line">1-based; 0 when the YAML parser could not say where.</param>
/// <param name="Path">Where in the document, e.g. "clusters[3].pools[1].capacityType"; empty for the file as a whole.</param>
public sealed record FleetFileProblem(string Source, int Line, string Path, string Message)
{
    public override string ToString()
    {
        var location = Line > 0 ? $"{Source}:{Line}" : Source;
        return Path.Length > 0 ? $"{location} {Path}: {Message}" : $"{location}: {Message}";
    }
}
