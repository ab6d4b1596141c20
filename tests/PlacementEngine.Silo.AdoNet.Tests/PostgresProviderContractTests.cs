using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using PlacementEngine.Silo.AdoNet.Schema;
using PlacementEngine.Silo.AdoNet.Tests.Silos;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Silo.AdoNet.Tests;

/// <summary>Orleans' own ADO.NET providers, as a silo registers them, driven directly against the project's PostgreSQL tables.</summary>
public sealed class PostgresProviderContractTests(PostgresFixture postgres) : FreshPostgresDatabase(postgres)
{
    private IHost? _silo;

    private IHost Silo => _silo ?? throw new InvalidOperationException("not initialised");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await OrleansSchema.EnsurePostgresAsync(ConnectionString);
        _silo = TestSilo.OnPostgres(ConnectionString);
    }

    [Fact]
    public async Task MembershipTable_WritesWithAStaleVersion_AreRefusedAndChangeNothing()
    {
        var table = Silo.Services.GetRequiredService<IMembershipTable>();
        await table.InitializeMembershipTableAsync(true);
        var empty = await table.ReadAllAsync();
        var first = Entry(11111);

        Assert.True(await table.InsertRowAsync(first, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(Entry(11112), empty.Version.Next()));
        var one = await table.ReadAllAsync();
        Assert.Equal(first.SiloAddress, Assert.Single(one.Members).Item1.SiloAddress);

        first.Status = SiloStatus.Dead;
        first.SuspectTimes = [Tuple.Create(Entry(11113).SiloAddress, new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc))];
        var etag = one.Members[0].Item2;
        Assert.True(await table.UpdateRowAsync(first, etag, one.Version.Next()));
        first.Status = SiloStatus.Active;
        Assert.False(await table.UpdateRowAsync(first, etag, one.Version.Next()));

        var stored = Assert.Single((await table.ReadRowAsync(first.SiloAddress)).Members).Item1;
        Assert.Equal(SiloStatus.Dead, stored.Status);
        Assert.Single(stored.SuspectTimes ?? []);
    }

    [Fact]
    public Task ReminderTable_RangeReads_MatchTheHashRing() => ReminderTableContract.RangeReadsMatchTheHashRingAsync(Silo);

    [Fact]
    public Task ReminderTable_Remove_ChecksTheETag() => ReminderTableContract.RemovalChecksTheETagAsync(Silo);

    private static MembershipEntry Entry(int port) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 7),
        SiloName = $"silo-{port}",
        HostName = "localhost",
        Status = SiloStatus.Active,
        ProxyPort = port + 1,
        StartTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        IAmAliveTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    public override Task DisposeAsync()
    {
        _silo?.Dispose();
        return Task.CompletedTask;
    }
}
