using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using PlacementEngine.Silo.AdoNet.Tests.Silos;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Silo.AdoNet.Tests;

/// <summary>Silos in this process joined through the PostgreSQL membership table.</summary>
public sealed class PostgresClusterTests(PostgresFixture postgres) : FreshPostgresDatabase(postgres)
{
    private readonly List<IHost> _silos = [];

    [Fact]
    public async Task Cluster_ThreeSilos_AllListedActiveAndAGrainHasOneActivationWhoeverCalls()
    {
        await StartSilosAsync(3);

        var table = await PostgresMembership.StatusesAsync(ConnectionString);
        Assert.Equal(3, table.Count);
        Assert.All(table.Values, status => Assert.Equal(PostgresMembership.Active, status));
        var seenFrom = await Task.WhenAll(_silos.Select(silo => silo.Probe("one").SiloAsync()));
        Assert.Single(seenFrom.Distinct());
    }

    [Fact]
    public async Task Cluster_HostOfAGrainStopsAbruptly_DeclaredDeadAndTheGrainReactivatesOnASurvivor()
    {
        await StartSilosAsync(2);
        var host = await HostOfAsync("moving");
        var survivor = _silos.Single(silo => silo != host);
        var hostPort = PortOf(host);

        await StopAbruptlyAsync(host);

        await PostgresMembership.WaitForStatusAsync(ConnectionString, hostPort, PostgresMembership.Dead);
        var newHome = await Eventually.HoldsAsync(() => survivor.Probe("moving").SiloAsync(), _ => true, "the grain answers again");
        Assert.Equal(AddressOf(survivor), newHome);
    }

    [Fact]
    public async Task Reminder_RegisteringHostStopsAbruptly_StillRegisteredAndFiresOnASurvivor()
    {
        await StartSilosAsync(2);
        var host = await HostOfAsync("reminded");
        await host.Probe("reminded").RemindEveryAsync(TimeSpan.FromSeconds(1));
        var survivor = _silos.Single(silo => silo != host);

        await StopAbruptlyAsync(host);

        await Eventually.HoldsAsync(() => Task.FromResult(survivor.Ticks("reminded")), ticks => ticks > 0, "the reminder fires on the survivor");
        Assert.True(await survivor.Probe("reminded").HasReminderAsync());
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_ADeadSilo_RemovesItsRowOnly()
    {
        await StartSilosAsync(2);
        var dead = _silos[1];
        var deadPort = PortOf(dead);
        await StopAbruptlyAsync(dead);
        await PostgresMembership.WaitForStatusAsync(ConnectionString, deadPort, PostgresMembership.Dead);

        var table = _silos[0].Services.GetRequiredService<IMembershipTable>();
        await table.CleanupDefunctSiloEntriesAsync(TimeProvider.System.GetUtcNow().AddMinutes(1));

        var remaining = await PostgresMembership.StatusesAsync(ConnectionString);
        Assert.Equal([PortOf(_silos[0])], remaining.Keys);
    }

    [Fact]
    public async Task Reminder_Unregistered_RowIsDeleted()
    {
        await StartSilosAsync(1);
        await _silos[0].Probe("forgotten").RemindEveryAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await PostgresMembership.ReminderCountAsync(ConnectionString));

        await _silos[0].Probe("forgotten").ForgetReminderAsync();

        Assert.Equal(0, await PostgresMembership.ReminderCountAsync(ConnectionString));
        Assert.False(await _silos[0].Probe("forgotten").HasReminderAsync());
    }

    private async Task StartSilosAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var silo = TestSilo.OnPostgres(ConnectionString);
            _silos.Add(silo);
            await silo.StartAsync();
        }
    }

    private async Task<IHost> HostOfAsync(string grainKey)
    {
        var address = await _silos[0].Probe(grainKey).SiloAsync();
        return _silos.Single(silo => AddressOf(silo) == address);
    }

    /// <summary>A cancelled stop token: Orleans skips the graceful hand-over of grains and reminders.</summary>
    private async Task StopAbruptlyAsync(IHost silo)
    {
        await silo.StopAsync(new CancellationToken(canceled: true));
        silo.Dispose();
        _silos.Remove(silo);
    }

    private static string AddressOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

    private static int PortOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.Port;

    public override async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.StopAsync(new CancellationToken(canceled: true));
            silo.Dispose();
        }
    }
}
