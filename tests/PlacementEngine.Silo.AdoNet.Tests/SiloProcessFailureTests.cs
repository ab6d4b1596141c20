using PlacementEngine.Silo.AdoNet.Tests.Silos;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Silo.AdoNet.Tests;

/// <summary>Silo processes on PostgreSQL killed or frozen by signal; the survivors must notice through the membership table.</summary>
public sealed class SiloProcessFailureTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<SiloProcess> _silos = [];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.Server.CreateDatabaseAsync();
        for (var i = 0; i < 3; i++)
        {
            var silo = await SiloProcess.StartAsync(_connectionString);
            _silos.Add(silo);
            await PostgresMembership.WaitForStatusAsync(_connectionString, silo.Port, PostgresMembership.Active);
        }
    }

    [Fact]
    public async Task KillMinus9_OneOfThreeSiloProcesses_SurvivorsDeclareItDeadAndStayActive()
    {
        _silos[0].Kill();

        var table = await PostgresMembership.WaitForStatusAsync(_connectionString, _silos[0].Port, PostgresMembership.Dead);
        Assert.Equal(PostgresMembership.Active, table[_silos[1].Port]);
        Assert.Equal(PostgresMembership.Active, table[_silos[2].Port]);
    }

    [Fact]
    public async Task Sigstop_OneOfThreeSiloProcesses_DeclaredDeadAndOnSigcontItStopsItself()
    {
        await _silos[0].FreezeAsync();

        await PostgresMembership.WaitForStatusAsync(_connectionString, _silos[0].Port, PostgresMembership.Dead);
        await _silos[0].ResumeAsync();

        // A silo that finds itself declared dead must not go on serving: Orleans ends its process.
        await Eventually.HoldsAsync(() => Task.FromResult(_silos[0].HasExited), exited => exited, "the resumed silo ends itself");
        var table = await PostgresMembership.StatusesAsync(_connectionString);
        Assert.Equal(PostgresMembership.Active, table[_silos[1].Port]);
        Assert.Equal(PostgresMembership.Active, table[_silos[2].Port]);
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
