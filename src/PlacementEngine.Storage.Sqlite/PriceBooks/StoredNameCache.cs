using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.PriceBooks;

/// <summary>
/// Parses the few distinct clouds, capacity types and names of one read once each, and shares one string per
/// distinct region or instance type: 88,000 prices name about a hundred regions and a few thousand types.
/// </summary>
internal sealed class StoredNameCache
{
    private readonly Dictionary<string, Cloud> _clouds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CapacityType> _capacities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public Cloud Cloud(string stored)
    {
        if (!_clouds.TryGetValue(stored, out var cloud))
        {
            cloud = StoredNames.ParseCloud(stored);
            _clouds.Add(stored, cloud);
        }
        return cloud;
    }

    public CapacityType Capacity(string stored)
    {
        if (!_capacities.TryGetValue(stored, out var capacity))
        {
            capacity = StoredNames.ParseCapacityType(stored);
            _capacities.Add(stored, capacity);
        }
        return capacity;
    }

    public string Name(string stored)
    {
        if (_names.TryGetValue(stored, out var shared))
        {
            return shared;
        }
        _names.Add(stored, stored);
        return stored;
    }
}
