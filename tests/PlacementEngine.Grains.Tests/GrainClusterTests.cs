namespace PlacementEngine.Grains.Tests;

/// <summary>A fresh <see cref="GrainCluster"/> for each test.</summary>
public abstract class GrainClusterTests : IAsyncLifetime
{
    protected GrainCluster Grains { get; } = new();

    public Task InitializeAsync() => Grains.InitializeAsync();

    public Task DisposeAsync() => Grains.DisposeAsync();
}
