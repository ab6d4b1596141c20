namespace PlacementEngine.Grains.Tests;

/// <summary>A fresh <see cref="GrainCluster"/> for each test.</summary>
public abstract class GrainClusterTests(int silos = 1) : IAsyncLifetime
{
    protected GrainCluster Grains { get; } = new(silos);

    public Task InitializeAsync() => Grains.InitializeAsync();

    public Task DisposeAsync() => Grains.DisposeAsync();
}
