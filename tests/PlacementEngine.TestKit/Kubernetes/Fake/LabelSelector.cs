using System.Text.Json.Nodes;

namespace PlacementEngine.TestKit.Kubernetes.Fake;

/// <summary>The equality-based label selector syntax: key, !key, key=value, key==value, key!=value, comma-separated.</summary>
internal sealed class LabelSelector
{
    private readonly List<Func<JsonObject?, bool>> _requirements = [];

    public static LabelSelector Everything { get; } = new();

    public static bool TryParse(string? text, out LabelSelector selector, out string error)
    {
        selector = new LabelSelector();
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            if (term.Contains(" in ", StringComparison.Ordinal) || term.Contains(" notin ", StringComparison.Ordinal) || term.Contains('('))
            {
                error = $"unable to parse requirement: set-based selectors are not served by this fake: {term}";
                return false;
            }
            if (term.StartsWith('!'))
            {
                var key = term[1..];
                selector._requirements.Add(labels => labels?[key] is null);
            }
            else if (term.Split("!=", 2) is [var notKey, var notValue])
            {
                selector._requirements.Add(labels => labels?[notKey.Trim()]?.GetValue<string>() != notValue.Trim());
            }
            else if (term.Split('=', 2) is [var eqKey, var eqValue])
            {
                var value = eqValue.TrimStart('=').Trim();
                selector._requirements.Add(labels => labels?[eqKey.Trim()]?.GetValue<string>() == value);
            }
            else if (term.Length > 0)
            {
                selector._requirements.Add(labels => labels?[term] is not null);
            }
        }
        return true;
    }

    public bool Matches(JsonObject job) => _requirements.All(r => r(job["metadata"]?["labels"] as JsonObject));
}
