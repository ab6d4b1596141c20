namespace PlacementEngine.Cli.Errors;

/// <summary>A flag or environment value that parsed but makes no sense (e.g. a server address that is not a URL).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
