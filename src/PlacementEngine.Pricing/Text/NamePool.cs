namespace PlacementEngine.Pricing;

/// <summary>
/// One string per distinct name in a file. A catalog names each region and instance type in thousands of rows, and
/// an import keeps every row until it is stored: sharing the names keeps a large import's rows compact.
/// </summary>
internal sealed class NamePool
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public string Get(string name)
    {
        if (_names.TryGetValue(name, out var known))
        {
            return known;
        }
        _names.Add(name);
        return name;
    }
}
