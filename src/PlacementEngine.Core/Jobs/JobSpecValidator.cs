using System.Globalization;
using System.Text.RegularExpressions;

namespace PlacementEngine.Core;

/// <summary>Turns an untrusted draft into a <see cref="JobSpec"/>, or reports every bad field.</summary>
public sealed partial class JobSpecValidator(RegionDirectory regions)
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
            errors.Add(new("spec.name", $"'{draft.Name}' must be 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit"));
        }
        if (string.IsNullOrWhiteSpace(draft.Team))
        {
            errors.Add(new("spec.team", "team is required"));
        }
        if (string.IsNullOrWhiteSpace(draft.Image))
        {
            errors.Add(new("spec.container.image", "image is required"));
        }

        var models = ValidateGpus(draft, errors);
        ValidateSizes(draft, errors);
        var residency = ValidateResidency(draft, errors);
        var data = ValidateData(draft, errors);
        var tolerations = TolerationValidator.Validate(draft.Tolerations, errors);

        Money? cap = null;
        if (!string.IsNullOrWhiteSpace(draft.MaxHourlyPrice))
        {
            if (!Money.TryParse(draft.MaxHourlyPrice, out var parsed) || parsed.Dollars <= 0m)
            {
                errors.Add(new("spec.max_hourly_price", $"'{draft.MaxHourlyPrice}' is not a positive dollar amount"));
            }
            else
            {
                cap = parsed;
            }
        }
        if (draft.CheckpointIntervalSeconds < 0)
        {
            errors.Add(new("spec.checkpoint_interval_seconds", "must not be negative"));
        }
        if (draft.Priority < 0 || draft.Priority > MaxPriority)
        {
            errors.Add(new("spec.priority", $"must be between 0 and {MaxPriority}"));
        }

        if (errors.Count > 0)
        {
            return errors;
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
        foreach (var raw in draft.GpuModels)
        {
            var model = GpuModels.Normalize(raw);
            if (model is null)
            {
                errors.Add(new("spec.worker.gpu_models", $"unknown GPU model '{raw}'; known: {string.Join(", ", GpuModels.Known)}"));
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
        if (!IsFiniteNonNegative(draft.VCpus))
        {
            errors.Add(new("spec.worker.vcpus", "must be a finite number, 0 or more"));
        }
        if (!IsFiniteNonNegative(draft.MemoryGiB))
        {
            errors.Add(new("spec.worker.memory_gib", "must be a finite number, 0 or more"));
        }
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
        foreach (var raw in draft.Jurisdictions)
        {
            var j = new Jurisdiction(raw.Trim().ToUpperInvariant());
            if (!regions.Jurisdictions.Contains(j))
            {
                errors.Add(new("spec.residency.jurisdictions", $"unknown jurisdiction '{raw}'; known: {string.Join(", ", regions.Jurisdictions.Select(x => x.Code).Order(StringComparer.Ordinal))}"));
            }
            else
            {
                jurisdictions.Add(j);
            }
        }
        var regionIds = new List<RegionId>();
        foreach (var raw in draft.Regions)
        {
            if (!RegionId.TryParse(raw, out var id) || !regions.Contains(id))
            {
                errors.Add(new("spec.residency.regions", $"unknown region '{raw}'; write it as cloud:region, e.g. gcp:europe-west4"));
            }
            else
            {
                regionIds.Add(id);
            }
        }
        var clouds = new List<Cloud>();
        foreach (var raw in draft.Clouds)
        {
            if (!CloudNames.TryParse(raw, out var cloud))
            {
                errors.Add(new("spec.residency.clouds", $"unknown cloud '{raw}'; known: aws, gcp, azure, onprem"));
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
        if (!IsFiniteNonNegative(draft.DataGbRead))
        {
            errors.Add(new("spec.data.gb_read", "must be a finite number, 0 or more"));
        }
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
            errors.Add(new("spec.data.region", $"unknown region '{draft.DataRegion}'; write it as cloud:region"));
            return null;
        }
        return new DataLocation(region, IsFiniteNonNegative(draft.DataGbRead) ? ToDecimal(draft.DataGbRead) : 0m);
    }

    private static bool IsFiniteNonNegative(double value) => double.IsFinite(value) && value >= 0;

    private static decimal ToDecimal(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
