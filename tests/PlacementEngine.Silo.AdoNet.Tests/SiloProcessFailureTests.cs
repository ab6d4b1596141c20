using PlacementEngine.Silo.AdoNet.Tests.Silos;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Silo.AdoNet.Tests;

/// <summary>Silo processes on PostgreSQL killed or frozen by signal; the survivors must notice through the membership table.</summary>
public sealed class SiloProcessFailureTests(PostgresFixture postgres) : FreshPostgresDatabase(postgres)
{
    private readonly List<SiloProcess> _silos = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        for (var i = 0; i < 3; i++)
        {
            var silo = await SiloProcess.StartAsync(ConnectionString);
            _silos.Add(silo);
            await PostgresMembership.WaitForStatusAsync(ConnectionString, silo.Port, PostgresMembership.Active);
        }
    }

    [Fact]
    public async Task KillMinus9_OneOfThreeSiloProcesses_SurvivorsDeclareItDeadAndStayActive()
    {
        _silos[0].Kill();

        var table = await PostgresMembership.WaitForStatusAsync(ConnectionString, _silos[0].Port, PostgresMembership.Dead);
        Assert.Equal(PostgresMembership.Active, table[_silos[1].Port]);
        Assert.Equal(PostgresMembership.Active, table[_silos[2].Port]);
    }

    [Fact]
    public async Task Sigstop_OneOfThreeSiloProcesses_DeclaredDeadAndOnSigcontItStopsItself()
    {
        await _silos[0].FreezeAsync();

        await PostgresMembership.WaitForStatusAsync(ConnectionString, _silos[0].Port, PostgresMembership.Dead);
        await _silos[0].ResumeAsync();

        // A silo that finds itself declared dead must not go on serving: Orleans ends its process.
        await Eventually.HoldsAsync(() => Task.FromResult(_silos[0].HasExited), exited => exited, "the resumed silo ends itself");
        var table = await PostgresMembership.StatusesAsync(ConnectionString);
        Assert.Equal(PostgresMembership.Active, table[_silos[1].Port]);
        Assert.Equal(PostgresMembership.Active, table[_silos[2].Port]);
    }

    public override async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
