using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PlacementEngine.Silo.AdoNet.Tests.Silos;

namespace PlacementEngine.Silo.AdoNet.Tests;

public sealed class FailureDetectionOptionsTests
{
    private const string UnusedConnection = "Host=127.0.0.1;Port=1;Database=unused";

    [Fact]
    public void UsePostgresCluster_Defaults_TuneOrleansMembershipForFastDetection()
    {
        using var host = TestSilo.Build((silo, _, _) => silo.UsePostgresCluster(UnusedConnection));

        var membership = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(1), membership.ProbeTimeout);
        Assert.Equal(3, membership.NumMissedProbesLimit);
        Assert.False(membership.EnableConnectionLivenessCheck);
        Assert.Equal(TimeSpan.FromSeconds(10), membership.TableRefreshTimeout);
    }

    [Fact]
    public void UsePostgresCluster_CallerValues_ReachOrleans()
    {
        using var host = TestSilo.Build((silo, _, _) => silo.UsePostgresCluster(UnusedConnection, detection =>
        {
            detection.ProbeTimeout = TimeSpan.FromSeconds(2);
            detection.EnableConnectionLivenessCheck = true;
        }));

        var membership = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(2), membership.ProbeTimeout);
        Assert.True(membership.EnableConnectionLivenessCheck);
    }

    [Fact]
    public void UsePostgresCluster_BadValues_ThrowNamingEachOption()
    {
        var error = Assert.Throws<ArgumentException>(() => TestSilo.Build((silo, _, _) => silo.UsePostgresCluster(UnusedConnection, detection =>
        {
            detection.ProbeTimeout = TimeSpan.Zero;
            detection.MissedProbesLimit = 0;
            detection.TableRefreshTimeout = TimeSpan.FromHours(1);
        })));

        Assert.Contains("ProbeTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("MissedProbesLimit", error.Message, StringComparison.Ordinal);
        Assert.Contains("TableRefreshTimeout", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void UsePostgresCluster_NoConnectionString_ThrowsNamingIt(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => TestSilo.Build((silo, _, _) => silo.UsePostgresCluster(connectionString)));

        Assert.Contains("connectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseEmbeddedSqliteReminders_NoPath_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => TestSilo.Build((silo, _, _) => silo.UseEmbeddedSqliteReminders("")));

        Assert.Contains("databasePath", error.Message, StringComparison.Ordinal);
    }
}
