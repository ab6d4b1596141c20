using PlacementEngine.Core;

namespace PlacementEngine.Storage.Sqlite.Serialization;

/// <summary>
/// Enum values as stored. Spelled out rather than taken from member names, so renaming a member in code
/// cannot silently change what is on disk; a member without a stored name fails fast.
/// </summary>
internal static class StoredNames
{
    private static readonly NameTable<JobState> States = new("job state",
    [
        (JobState.Pending, "pending"),
        (JobState.Placed, "placed"),
        (JobState.Dispatched, "dispatched"),
        (JobState.Running, "running"),
        (JobState.Succeeded, "succeeded"),
        (JobState.Failed, "failed"),
        (JobState.Unschedulable, "unschedulable"),
        (JobState.Preempted, "preempted"),
        (JobState.Cancelled, "cancelled"),
    ]);

    private static readonly NameTable<CapacityPolicy> Policies = new("capacity policy",
    [
        (CapacityPolicy.SpotPreferred, "spot-preferred"),
        (CapacityPolicy.SpotOnly, "spot-only"),
        (CapacityPolicy.OnDemandOnly, "on-demand-only"),
    ]);

    public static string Of(JobState state) => States.NameOf(state);

    public static JobState ParseState(string name) => States.Parse(name);

    public static string Of(CapacityPolicy policy) => Policies.NameOf(policy);

    public static CapacityPolicy ParsePolicy(string name) => Policies.Parse(name);

    public static string Of(Cloud cloud) => cloud.ToWire();

    public static Cloud ParseCloud(string name) =>
        CloudNames.TryParse(name, out var cloud) ? cloud : throw StoredText.Corrupt("cloud", name);

    public static string Of(CapacityType type) => type.ToWire();

    public static CapacityType ParseCapacityType(string name) =>
        CapacityTypeNames.TryParse(name, out var type) ? type : throw StoredText.Corrupt("capacity type", name);

    /// <summary>"cloud:region", the way the API writes regions.</summary>
    public static string Of(RegionId region) => region.ToString();

    public static RegionId ParseRegion(string text) =>
        RegionId.TryParse(text, out var region) ? region : throw StoredText.Corrupt("region", text);

    private sealed class NameTable<T>(string kind, (T Value, string Name)[] entries)
        where T : struct, Enum
    {
        private readonly Dictionary<T, string> _names = entries.ToDictionary(e => e.Value, e => e.Name);
        private readonly Dictionary<string, T> _values = entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);

        public string NameOf(T value) =>
            _names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"{kind} has no stored name");

        public T Parse(string name) => _values.TryGetValue(name, out var value) ? value : throw StoredText.Corrupt(kind, name);
    }
}
