using System.Globalization;
using System.Text.RegularExpressions;

namespace PlacementEngine.Core;

/// <summary>
/// Turns an untrusted draft into a <see cref="JobSpec"/>, or reports every bad field, each once. Every value is
/// bounded (<see cref="JobSpecLimits"/>) and every refusal quotes input bounded (<see cref="InputText.Quote"/>).
/// </summary>
/// <param name="clock">Judges the deadline: it must lie ahead.</param>
public sealed partial class JobSpecValidator(RegionDirectory regions, TimeProvider clock)
{
    public const int MaxGpusPerWorker = 16;
    public const int MaxWorkers = 4096;
    public const int MaxPriority = 1000;
    public static readonly TimeSpan MaxRuntime = TimeSpan.FromDays(60);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    public IReadOnlyList<FieldError> Validate(JobSpecDraft draft, out JobSpec? spec)
    {
        var errors = new List<FieldError>();
        spec = null;

        if (!DnsLabel().IsMatch(draft.Name))
        {
            errors.Add(new("spec.name", $"'{InputText.Quote(draft.Name)}' must be 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit"));
        }
        if (string.IsNullOrWhiteSpace(draft.Team))
        {
            errors.Add(new("spec.team", "team is required"));
        }
        else
        {
            CheckText(errors, "spec.team", draft.Team, JobSpecLimits.MaxTeamLength);
        }
        ValidateImage(draft.Image, errors);
        ContainerRules.Validate(draft, errors);
        LabelRules.Validate(draft.Labels, "spec.labels", JobSpecLimits.MaxLabels, errors);
        LabelRules.Validate(draft.ClusterSelector, "spec.cluster_selector", JobSpecLimits.MaxClusterSelectorEntries, errors);
        CheckList(errors, "spec.worker.gpu_models", draft.GpuModels);
        CheckList(errors, "spec.residency.jurisdictions", draft.Jurisdictions);
        CheckList(errors, "spec.residency.regions", draft.Regions);
        CheckList(errors, "spec.residency.clouds", draft.Clouds);
        CheckText(errors, "spec.data.region", draft.DataRegion, JobSpecLimits.MaxListEntryLength);
        var before = errors.Count;
        CheckText(errors, "spec.max_hourly_price", draft.MaxHourlyPrice, JobSpecLimits.MaxPriceLength);
        var priceIsText = errors.Count == before;
        if (SpecChars(draft) > JobSpecLimits.MaxSpecChars)
        {
            errors.Add(new("spec", $"the spec holds more than {JobSpecLimits.MaxSpecChars} characters of text in all"));
        }

        var models = ValidateGpus(draft, errors);
        ValidateSizes(draft, errors);
        var residency = ValidateResidency(draft, errors);
        var data = ValidateData(draft, errors);
        var tolerations = TolerationValidator.Validate(draft.Tolerations, errors);

        Money? cap = null;
        if (priceIsText && !string.IsNullOrWhiteSpace(draft.MaxHourlyPrice))
        {
            if (!Money.TryParse(draft.MaxHourlyPrice, out var parsed) || parsed.Dollars <= 0m)
            {
                errors.Add(new("spec.max_hourly_price", $"'{InputText.Quote(draft.MaxHourlyPrice)}' is not a positive dollar amount"));
            }
            else
            {
                cap = parsed;
            }
        }
        if (draft.CheckpointIntervalSeconds < 0 || draft.CheckpointIntervalSeconds > (long)MaxRuntime.TotalSeconds)
        {
            errors.Add(new("spec.checkpoint_interval_seconds", $"{draft.CheckpointIntervalSeconds} is out of range: 0 (no checkpoints) to {(long)MaxRuntime.TotalSeconds}"));
        }
        ValidateDeadline(draft.Deadline, errors);
        if (draft.Priority < 0 || draft.Priority > MaxPriority)
        {
            errors.Add(new("spec.priority", $"must be between 0 and {MaxPriority}"));
        }

        if (errors.Count > 0)
        {
            return Distinct(errors);
        }

        spec = new JobSpec(
            draft.Name,
            draft.Team.Trim(),
            new ContainerSpec(draft.Image.Trim(), draft.Command, draft.Args, draft.Env),
            new WorkerResources(draft.Gpus, models, ToDecimal(draft.VCpus), ToDecimal(draft.MemoryGiB)),
            draft.Workers,
            TimeSpan.FromSeconds(draft.EstimatedRuntimeSeconds),
            residency,
            data,
            draft.CapacityPolicy,
            draft.CheckpointIntervalSeconds > 0 ? TimeSpan.FromSeconds(draft.CheckpointIntervalSeconds) : null,
            cap,
            draft.Deadline,
            draft.Priority,
            draft.ClusterSelector,
            draft.Labels) { Tolerations = tolerations };
        return errors;
    }

    private static List<string> ValidateGpus(JobSpecDraft draft, List<FieldError> errors)
    {
        if (draft.Gpus < 0 || draft.Gpus > MaxGpusPerWorker)
        {
            errors.Add(new("spec.worker.gpus", $"{draft.Gpus} is out of range: a worker takes 0 to {MaxGpusPerWorker} GPUs"));
        }
        var models = new List<string>();
        foreach (var raw in draft.GpuModels.Take(JobSpecLimits.MaxListEntries))
        {
            var model = GpuModels.Normalize(raw);
            if (model is null)
            {
                errors.Add(new("spec.worker.gpu_models", $"unknown GPU model '{InputText.Quote(raw)}'; known: {string.Join(", ", GpuModels.Known)}"));
            }
            else if (!models.Contains(model))
            {
                models.Add(model);
            }
        }
        if (draft.Gpus == 0 && models.Count > 0)
        {
            errors.Add(new("spec.worker.gpu_models", "GPU models are given but the worker asks for 0 GPUs"));
        }
        return models;
    }

    private static void ValidateSizes(JobSpecDraft draft, List<FieldError> errors)
    {
        CheckSize(errors, "spec.worker.vcpus", draft.VCpus, JobSpecLimits.MinVCpus, JobSpecLimits.MaxVCpus);
        CheckSize(errors, "spec.worker.memory_gib", draft.MemoryGiB, JobSpecLimits.MinMemoryGiB, JobSpecLimits.MaxMemoryGiB);
        if (draft.Gpus == 0 && draft.VCpus <= 0)
        {
            errors.Add(new("spec.worker.vcpus", "a CPU-only worker must ask for vCPUs"));
        }
        if (draft.Workers < 1 || draft.Workers > MaxWorkers)
        {
            errors.Add(new("spec.workers", $"{draft.Workers} is out of range: 1 to {MaxWorkers}"));
        }
        if (draft.EstimatedRuntimeSeconds <= 0 || draft.EstimatedRuntimeSeconds > (long)MaxRuntime.TotalSeconds)
        {
            errors.Add(new("spec.estimated_runtime_seconds", $"must be between 1 and {(long)MaxRuntime.TotalSeconds}"));
        }
    }

    private Residency ValidateResidency(JobSpecDraft draft, List<FieldError> errors)
    {
        var jurisdictions = new List<Jurisdiction>();
        foreach (var raw in draft.Jurisdictions.Take(JobSpecLimits.MaxListEntries))
        {
            var j = new Jurisdiction(raw.Trim().ToUpperInvariant());
            if (!regions.Jurisdictions.Contains(j))
            {
                errors.Add(new("spec.residency.jurisdictions", $"unknown jurisdiction '{InputText.Quote(raw)}'; known: {string.Join(", ", regions.Jurisdictions.Select(x => x.Code).Order(StringComparer.Ordinal))}"));
            }
            else
            {
                jurisdictions.Add(j);
            }
        }
        var regionIds = new List<RegionId>();
        foreach (var raw in draft.Regions.Take(JobSpecLimits.MaxListEntries))
        {
            if (!RegionId.TryParse(raw, out var id) || !regions.Contains(id))
            {
                errors.Add(new("spec.residency.regions", $"unknown region '{InputText.Quote(raw)}'; write it as cloud:region, e.g. gcp:europe-west4"));
            }
            else
            {
                regionIds.Add(id);
            }
        }
        var clouds = new List<Cloud>();
        foreach (var raw in draft.Clouds.Take(JobSpecLimits.MaxListEntries))
        {
            if (!CloudNames.TryParse(raw, out var cloud))
            {
                errors.Add(new("spec.residency.clouds", $"unknown cloud '{InputText.Quote(raw)}'; known: aws, gcp, azure, onprem"));
            }
            else
            {
                clouds.Add(cloud);
            }
        }
        return new Residency(jurisdictions, regionIds, clouds);
    }

    private DataLocation? ValidateData(JobSpecDraft draft, List<FieldError> errors)
    {
        CheckSize(errors, "spec.data.gb_read", draft.DataGbRead, 0, JobSpecLimits.MaxDataGbRead);
        if (string.IsNullOrWhiteSpace(draft.DataRegion))
        {
            if (draft.DataGbRead > 0)
            {
                errors.Add(new("spec.data.region", "the region the data is read from is required when gb_read > 0"));
            }
            return null;
        }
        if (!RegionId.TryParse(draft.DataRegion, out var region) || !regions.Contains(region))
        {
            errors.Add(new("spec.data.region", $"unknown region '{InputText.Quote(draft.DataRegion)}'; write it as cloud:region"));
            return null;
        }
        return new DataLocation(region, InRange(draft.DataGbRead, 0, JobSpecLimits.MaxDataGbRead) ? ToDecimal(draft.DataGbRead) : 0m);
    }

    private static void ValidateImage(string image, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            errors.Add(new("spec.container.image", "image is required"));
            return;
        }
        var trimmed = image.Trim();
        if (trimmed.Length > JobSpecLimits.MaxImageLength)
        {
            errors.Add(new("spec.container.image", $"is {trimmed.Length} characters; at most {JobSpecLimits.MaxImageLength}"));
        }
        else if (ImageReference.Problem(trimmed) is { } problem)
        {
            errors.Add(new("spec.container.image", $"'{InputText.Quote(trimmed)}' is not an image reference ([registry[:port]/]path[:tag][@digest]): {problem}"));
        }
    }

    private void ValidateDeadline(DateTimeOffset? deadline, List<FieldError> errors)
    {
        if (deadline is not { } at)
        {
            return;
        }
        var now = clock.GetUtcNow();
        if (at <= now)
        {
            errors.Add(new("spec.deadline", $"{at:u} has already passed; a deadline must lie ahead"));
        }
        else if (at - now > JobSpecLimits.MaxDeadlineAhead)
        {
            errors.Add(new("spec.deadline", $"{at:u} is more than {JobSpecLimits.MaxDeadlineAhead.TotalDays:0} days ahead"));
        }
    }

    /// <summary>Non-negative and finite, at most <paramref name="max"/>, and 0 or at least <paramref name="minNonZero"/>.</summary>
    private static void CheckSize(List<FieldError> errors, string field, double value, double minNonZero, double max)
    {
        if (!InRange(value, 0, max) || (value > 0 && value < minNonZero))
        {
            var least = minNonZero > 0 ? string.Create(CultureInfo.InvariantCulture, $"0 or from {minNonZero:0.######} ") : "0 ";
            errors.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"{value:R} is out of range: {least}to {max:R}")));
        }
    }

    private static bool InRange(double value, double min, double max) => double.IsFinite(value) && value >= min && value <= max;

    /// <summary>Count and length bounds and safe characters for a list of short names.</summary>
    private static void CheckList(List<FieldError> errors, string field, IReadOnlyList<string> values)
    {
        if (values.Count > JobSpecLimits.MaxListEntries)
        {
            errors.Add(new(field, $"{values.Count} entries; at most {JobSpecLimits.MaxListEntries}"));
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            CheckText(errors, $"{field}[{i}]", values[i], JobSpecLimits.MaxListEntryLength);
        }
    }

    /// <summary>A free-text value: at most <paramref name="maxLength"/> characters and no control or bidi characters.</summary>
    public static void CheckText(List<FieldError> errors, string field, string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > maxLength)
        {
            errors.Add(new(field, $"is {value.Length} characters; at most {maxLength}"));
        }
        else if (InputText.IndexOfUnsafe(value) is >= 0 and var at)
        {
            errors.Add(new(field, $"'{InputText.Quote(value)}' holds a control or bidirectional-override character (U+{(int)value[at]:X4}) at {at}"));
        }
    }

    private static long SpecChars(JobSpecDraft draft) =>
        (long)draft.Name.Length + draft.Team.Length + draft.Image.Length + draft.MaxHourlyPrice.Length + draft.DataRegion.Length
        + Sum(draft.Command) + Sum(draft.Args) + Sum(draft.GpuModels) + Sum(draft.Jurisdictions) + Sum(draft.Regions) + Sum(draft.Clouds)
        + Sum(draft.Env) + Sum(draft.Labels) + Sum(draft.ClusterSelector)
        + draft.Tolerations.Sum(t => (long)t.Key.Length + t.Operator.Length + t.Value.Length + t.Effect.Length);

    private static long Sum(IEnumerable<string> values) => values.Sum(v => (long)v.Length);

    private static long Sum(IReadOnlyDictionary<string, string> map) => map.Sum(e => (long)e.Key.Length + e.Value.Length);

    /// <summary>One line per problem: a value repeated in a list must not repeat its refusal.</summary>
    private static List<FieldError> Distinct(List<FieldError> errors) => [.. errors.Distinct()];

    private static decimal ToDecimal(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
