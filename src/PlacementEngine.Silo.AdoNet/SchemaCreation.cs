namespace PlacementEngine.Silo.AdoNet;

/// <summary>Runs the schema creation in the silo's first lifecycle stage, before membership or reminders read their tables.</summary>
internal sealed class SchemaCreation(Func<CancellationToken, Task> ensureSchema) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaCreation), ServiceLifecycleStage.First, ensureSchema);
}
