namespace PlacementEngine.Cli.Output;

internal enum OutputFormat
{
    /// <summary>Human-readable tables and lines.</summary>
    Table,

    /// <summary>The response as protobuf JSON, for scripts (jq).</summary>
    Json,

    /// <summary>The same data as <see cref="Json"/>, written as YAML.</summary>
    Yaml,
}
