namespace PlacementEngine.Cli.Output;

/// <summary>
/// What a command shows in table mode, independent of how it is drawn: views build blocks from
/// responses, renderers draw them (rich for a terminal, plain for pipes and CI logs).
/// </summary>
internal abstract record Block;

/// <summary>Free-standing lines of text.</summary>
internal sealed record LinesBlock(IReadOnlyList<string> Lines) : Block;

/// <summary>Labelled values, one per line ("State:  Running").</summary>
internal sealed record FieldsBlock(IReadOnlyList<KeyValuePair<string, string>> Fields) : Block;

/// <summary>A titled table; every row has one cell per header.</summary>
internal sealed record TableBlock(string? Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;
