namespace PlacementEngine.Core;

/// <summary>Checks tolerations as the Kubernetes API server does, so a spec that passes here makes a valid pod.</summary>
internal static class TolerationValidator
{
    public static IReadOnlyList<Toleration> Validate(IReadOnlyList<TolerationDraft> drafts, List<FieldError> errors)
    {
        var tolerations = new List<Toleration>();
        if (drafts.Count > JobSpecLimits.MaxTolerations)
        {
            errors.Add(new("spec.tolerations", $"{drafts.Count} tolerations; at most {JobSpecLimits.MaxTolerations} are allowed"));
            return tolerations;
        }
        for (var i = 0; i < drafts.Count; i++)
        {
            var field = $"spec.tolerations[{i}]";
            var draft = drafts[i];
            var key = draft.Key.Trim();
            var value = draft.Value.Trim();
            var valid = true;

            TolerationOperator op;
            switch (draft.Operator.Trim())
            {
                case "Exists":
                    op = TolerationOperator.Exists;
                    break;
                case "" or "Equal":
                    // Kubernetes defaults the operator to Equal.
                    op = TolerationOperator.Equal;
                    break;
                default:
                    errors.Add(new($"{field}.operator", $"'{InputText.Quote(draft.Operator)}' is not Exists or Equal"));
                    op = TolerationOperator.Equal;
                    valid = false;
                    break;
            }
            if (op == TolerationOperator.Exists && value.Length > 0)
            {
                errors.Add(new($"{field}.value", "must be empty when the operator is Exists"));
                valid = false;
            }
            // The same rules as a taint's key and value in Kubernetes: a qualified name, and a label value.
            if (key.Length > 0 && KubernetesNames.LabelKeyProblem(key) is { } keyProblem)
            {
                errors.Add(new($"{field}.key", keyProblem));
                valid = false;
            }
            if (value.Length > 0 && KubernetesNames.LabelValueProblem(value) is { } valueProblem)
            {
                errors.Add(new($"{field}.value", valueProblem));
                valid = false;
            }
            if (key.Length == 0 && op != TolerationOperator.Exists)
            {
                errors.Add(new($"{field}.key", "is required unless the operator is Exists (which then tolerates every taint)"));
                valid = false;
            }

            TaintEffect? effect = null;
            if (draft.Effect.Trim() is { Length: > 0 } effectText)
            {
                if (TaintEffects.TryParse(effectText, out var parsed))
                {
                    effect = parsed;
                }
                else
                {
                    errors.Add(new($"{field}.effect", $"'{InputText.Quote(draft.Effect)}' is not NoSchedule, PreferNoSchedule or NoExecute"));
                    valid = false;
                }
            }
            if (valid)
            {
                tolerations.Add(new Toleration(key, op, value, effect));
            }
        }
        return tolerations;
    }
}
