using System.Text;

namespace PlacementEngine.Kubernetes.Api;

/// <summary>A URL query string, skipping parameters without a value.</summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _query = new();

    public QueryBuilder Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _query.Append(_query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        return this;
    }

    public override string ToString() => _query.ToString();
}
