using System.Collections.Concurrent;
using Orleans.Runtime;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>The silo this activation runs on.</summary>
    Task<string> SiloAsync();

    Task RemindEveryAsync(TimeSpan period);

    Task<bool> HasReminderAsync();

    Task ForgetReminderAsync();
}

/// <summary>The reminder ticks one silo delivered, by grain key.</summary>
public sealed class ReminderTicks
{
    private readonly ConcurrentDictionary<string, int> _ticks = new();

    public int Count(string grainKey) => _ticks.GetValueOrDefault(grainKey);

    public void Record(string grainKey) => _ticks.AddOrUpdate(grainKey, 1, (_, count) => count + 1);
}

public sealed class ProbeGrain(ReminderTicks ticks, ILocalSiloDetails silo) : Grain, IProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public Task<string> SiloAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());

    public Task RemindEveryAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task<bool> HasReminderAsync() => await this.GetReminder(ReminderName) is not null;

    public async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.Record(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }
}
