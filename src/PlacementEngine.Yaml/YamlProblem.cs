namespace PlacementEngine.Yaml;

/// <summary>One thing wrong with a YAML file, located well enough for a person to fix it.</summary>
/// <param name="Line">1-based; 0 when the parser could not say where.</param>
/// <param name="Column">1-based; 0 when the parser could not say where.</param>
/// <param name="Path">Where in the document, e.g. "clusters[3].pools[1].capacityType"; empty for the document itself.</param>
public sealed record YamlProblem(int Line, int Column, string Path, string Message);
