using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>
/// A real server of its own for the pricing tests, which change prices other end-to-end tests would see, and the
/// price books as they were right after it started.
/// </summary>
public sealed class PricingServerFixture : IAsyncLifetime
{
    internal ServerProcess Server { get; private set; } = null!;

    internal ListPriceBooksResponse BooksAtStart { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync();
        using var admin = Server.Connect(DemoTokens.Admin);
        BooksAtStart = await admin.Pricing.ListPriceBooksAsync(new ListPriceBooksRequest());
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The pricing tests run one after another: each reads the active version the one before left.</summary>
[CollectionDefinition(Name)]
public sealed class PricingServerCollection : ICollectionFixture<PricingServerFixture>
{
    public const string Name = "pricing server";
}
