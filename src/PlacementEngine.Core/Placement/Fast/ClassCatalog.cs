namespace PlacementEngine.Core;

/// <summary>The requirement classes met so far for one index, created on first use.</summary>
internal sealed class ClassCatalog(FleetIndex index)
{
    private readonly Dictionary<string, RequirementClass> _classes = new(StringComparer.Ordinal);

    public int Count => _classes.Count;

    public RequirementClass For(JobSpec spec)
    {
        var key = RequirementKey.Of(spec);
        if (!_classes.TryGetValue(key, out var found))
        {
            found = new RequirementClass(_classes.Count, index, spec);
            _classes.Add(key, found);
        }
        return found;
    }
}
