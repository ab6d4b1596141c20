namespace PlacementEngine.Benchmarks;

public enum OutputFormat
{
    Table,
    Csv,
}
