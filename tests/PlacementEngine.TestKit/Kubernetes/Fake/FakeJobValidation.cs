using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlacementEngine.TestKit.Kubernetes.Fake;

/// <summary>The part of the API server's Job validation a wrong manifest from the executor could trip.</summary>
internal static partial class FakeJobValidation
{
    private const int MaxJobNameLength = 63;
    private const int MaxLabelValueLength = 63;

    public static List<FieldError> Validate(JsonObject job)
    {
        var errors = new List<FieldError>();
        ValidateMetadata(job["metadata"] as JsonObject, "metadata", errors, requireName: true);
        var spec = job["spec"] as JsonObject;
        if (spec is null)
        {
            errors.Add(FieldError.Required("spec"));
            return errors;
        }
        ValidateMetadata(spec["template"]?["metadata"] as JsonObject, "spec.template.metadata", errors, requireName: false);
        if (spec["completionMode"]?.GetValue<string>() == "Indexed" && spec["completions"] is null)
        {
            errors.Add(FieldError.Required("spec.completions"));
        }
        var pod = spec["template"]?["spec"] as JsonObject;
        var restartPolicy = pod?["restartPolicy"]?.GetValue<string>() ?? "";
        if (restartPolicy is not ("Never" or "OnFailure"))
        {
            errors.Add(FieldError.Unsupported("spec.template.spec.restartPolicy", restartPolicy, "\"OnFailure\", \"Never\""));
        }
        if (spec["podFailurePolicy"] is not null && restartPolicy != "Never")
        {
            errors.Add(FieldError.InvalidValue("spec.template.spec.restartPolicy", restartPolicy, "only \"Never\" is supported when podFailurePolicy is specified"));
        }
        ValidateContainers(pod?["containers"] as JsonArray, errors);
        return errors;
    }

    public static bool IsValidLabelValue(string value) => value.Length <= MaxLabelValueLength && LabelValuePattern().IsMatch(value);

    private static void ValidateMetadata(JsonObject? metadata, string path, List<FieldError> errors, bool requireName)
    {
        var name = metadata?["name"]?.GetValue<string>();
        if (requireName && string.IsNullOrEmpty(name))
        {
            errors.Add(FieldError.Required($"{path}.name"));
        }
        else if (requireName && (name!.Length > MaxJobNameLength || !DnsSubdomainPattern().IsMatch(name)))
        {
            errors.Add(FieldError.InvalidValue($"{path}.name", name, "a lowercase RFC 1123 subdomain of at most 63 characters is required"));
        }
        foreach (var (key, value) in metadata?["labels"] as JsonObject ?? [])
        {
            var text = value?.GetValue<string>() ?? "";
            if (!IsValidLabelValue(text))
            {
                errors.Add(FieldError.InvalidValue($"{path}.labels", text, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
            }
            if (!LabelKeyPattern().IsMatch(key))
            {
                errors.Add(FieldError.InvalidValue($"{path}.labels", key, "name part must consist of alphanumeric characters, '-', '_' or '.'"));
            }
        }
    }

    private static void ValidateContainers(JsonArray? containers, List<FieldError> errors)
    {
        if (containers is null || containers.Count == 0)
        {
            errors.Add(FieldError.Required("spec.template.spec.containers"));
            return;
        }
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i] as JsonObject;
            if (string.IsNullOrEmpty(container?["name"]?.GetValue<string>()))
            {
                errors.Add(FieldError.Required($"spec.template.spec.containers[{i}].name"));
            }
            if (string.IsNullOrWhiteSpace(container?["image"]?.GetValue<string>()))
            {
                errors.Add(FieldError.Required($"spec.template.spec.containers[{i}].image"));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomainPattern();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValuePattern();

    [GeneratedRegex("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKeyPattern();
}
