namespace PlacementEngine.Storage.Sqlite.Tests;

public sealed class SqliteStoreOptionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Validate_FileInExistingDirectory_HasNoErrors()
    {
        Assert.Empty(new SqliteStoreOptions { Path = _directory.File("placement.db") }.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData(":memory:")]
    [InlineData("file:x?mode=memory")]
    public void Validate_NoDurableFile_ReportsPath(string path)
    {
        var error = Assert.Single(new SqliteStoreOptions { Path = path }.Validate());

        Assert.StartsWith("Path:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingDirectory_ReportsIt()
    {
        var error = Assert.Single(new SqliteStoreOptions { Path = _directory.File("nowhere/placement.db") }.Validate());

        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3_600_000)]
    public void Validate_BusyTimeoutOutOfRange_ReportsIt(int milliseconds)
    {
        var options = new SqliteStoreOptions { Path = _directory.File("placement.db"), BusyTimeout = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.StartsWith("BusyTimeout:", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }
}
