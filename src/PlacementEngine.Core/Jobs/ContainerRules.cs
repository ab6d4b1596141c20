namespace PlacementEngine.Core;

/// <summary>Bounds and character rules for the container's command, args and environment.</summary>
internal static class ContainerRules
{
    public static void Validate(JobSpecDraft draft, List<FieldError> errors)
    {
        ValidateArguments(errors, "spec.container.command", draft.Command, JobSpecLimits.MaxCommandEntries);
        ValidateArguments(errors, "spec.container.args", draft.Args, JobSpecLimits.MaxArgs);
        if (draft.Env.Count > JobSpecLimits.MaxEnvVars)
        {
            errors.Add(new("spec.container.env", $"{draft.Env.Count} variables; at most {JobSpecLimits.MaxEnvVars}"));
            return;
        }
        foreach (var (name, value) in draft.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (name.Length > JobSpecLimits.MaxEnvNameLength || !KubernetesNames.IsEnvName(name))
            {
                errors.Add(new("spec.container.env", $"'{InputText.Quote(name)}' is not a variable name: a letter or '_', then letters, digits or '_', at most {JobSpecLimits.MaxEnvNameLength}"));
                continue;
            }
            CheckScriptText(errors, $"spec.container.env[{name}]", value, JobSpecLimits.MaxEnvValueLength);
        }
    }

    private static void ValidateArguments(List<FieldError> errors, string field, IReadOnlyList<string> values, int maxCount)
    {
        if (values.Count > maxCount)
        {
            errors.Add(new(field, $"{values.Count} entries; at most {maxCount}"));
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            CheckScriptText(errors, $"{field}[{i}]", values[i], JobSpecLimits.MaxArgLength);
        }
    }

    /// <summary>
    /// Like any free text, but tab and newline stay allowed: a `sh -c` argument or an env value is often a
    /// multi-line script, and neither character hides or reorders what is shown.
    /// </summary>
    private static void CheckScriptText(List<FieldError> errors, string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            errors.Add(new(field, $"is {value.Length} characters; at most {maxLength}"));
            return;
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (InputText.IsUnsafe(value[i]) && value[i] is not ('\t' or '\n'))
            {
                errors.Add(new(field, $"'{InputText.Quote(value)}' holds a control or bidirectional-override character (U+{(int)value[i]:X4}) at {i}"));
                return;
            }
        }
    }
}
