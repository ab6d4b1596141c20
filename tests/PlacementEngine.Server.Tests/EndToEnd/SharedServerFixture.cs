namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>One real server shared by the end-to-end tests that do not restart it.</summary>
public sealed class SharedServerFixture : IAsyncLifetime
{
    internal ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedServerCollection : ICollectionFixture<SharedServerFixture>
{
    public const string Name = "shared real server";
}
