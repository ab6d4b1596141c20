namespace PlacementEngine.Cli.Tests.Fakes;

/// <summary>A fresh directory for one test's files (config, tokens, scripts), removed with everything in it.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pe-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
