namespace PlacementEngine.Core;

/// <summary>Labels and the cluster selector: bounded maps of Kubernetes label keys to label values.</summary>
internal static class LabelRules
{
    public static void Validate(IReadOnlyDictionary<string, string> labels, string field, int maxEntries, List<FieldError> errors)
    {
        if (labels.Count > maxEntries)
        {
            errors.Add(new(field, $"{labels.Count} entries; at most {maxEntries}"));
            return;
        }
        foreach (var (key, value) in labels.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (KubernetesNames.LabelKeyProblem(key) is { } keyProblem)
            {
                errors.Add(new(field, $"key '{InputText.Quote(key)}': {keyProblem}"));
            }
            else if (KubernetesNames.LabelValueProblem(value) is { } valueProblem)
            {
                errors.Add(new($"{field}[{key}]", $"'{InputText.Quote(value)}': {valueProblem}"));
            }
        }
    }
}
