using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>
/// Drives Orleans' own reminder provider (as the silo registered it) against the project's tables: range reads
/// over the hash ring, wrapping or not, and ETag-checked removal.
/// </summary>
public static class ReminderTableContract
{
    private static readonly uint[] RingPoints = [0, 0x4000_0000, 0x7FFF_FFFF, 0x8000_0000, 0xC000_0000, 0xFFFF_FFFF];

    public static async Task RangeReadsMatchTheHashRingAsync(IHost unstartedSilo)
    {
        var table = await StartedTableAsync(unstartedSilo);
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("probe", $"grain-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain), CancellationToken.None);
        }

        foreach (var begin in RingPoints)
        {
            foreach (var end in RingPoints)
            {
                var expected = grains.Where(grain => InRange(grain.GetUniformHashCode(), begin, end)).Order().ToList();
                var actual = (await table.ReadRows(begin, end, CancellationToken.None)).Reminders.Select(entry => entry.GrainId).Order().ToList();
                Assert.True(expected.SequenceEqual(actual), $"range ({begin:X8}, {end:X8}]: expected {expected.Count} reminders, read {actual.Count}");
            }
        }
    }

    public static async Task RemovalChecksTheETagAsync(IHost unstartedSilo)
    {
        var table = await StartedTableAsync(unstartedSilo);
        var grain = GrainId.Create("probe", "etag");
        var first = await table.UpsertRow(Entry(grain), CancellationToken.None) ?? throw new InvalidOperationException("no ETag from the first write");
        var second = await table.UpsertRow(Entry(grain), CancellationToken.None) ?? throw new InvalidOperationException("no ETag from the second write");

        Assert.NotEqual(first, second);
        Assert.False(await table.RemoveRow(grain, "tick", first, CancellationToken.None));
        Assert.Equal(second, (await table.ReadRow(grain, "tick", CancellationToken.None))?.ETag);
        Assert.True(await table.RemoveRow(grain, "tick", second, CancellationToken.None));
        Assert.Empty((await table.ReadRows(grain, CancellationToken.None)).Reminders);
    }

    /// <summary>Orleans' ring: a range (begin, end] that wraps past the top when begin is not below end.</summary>
    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Entry(GrainId grain) => new()
    {
        GrainId = grain,
        ReminderName = "tick",
        StartAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(1),
    };

    private static async Task<IReminderTable> StartedTableAsync(IHost unstartedSilo)
    {
        var table = unstartedSilo.Services.GetRequiredService<IReminderTable>();
        await table.StartAsync(CancellationToken.None);
        return table;
    }
}
