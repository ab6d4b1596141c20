using System.Globalization;
using PlacementEngine.Kubernetes.Model;

namespace PlacementEngine.Kubernetes.Tests.Support;

/// <summary>Fluent builder for Job objects as the API returns them: <c>V1Jobs.For("j1", 1).Ready(1).Obj()</c>.</summary>
internal sealed class V1Jobs
{
    private readonly List<V1JobCondition> _conditions = [];
    private V1ObjectMeta _metadata;
    private V1JobStatus _status = new();
    private int _workers = 1;

    private V1Jobs(V1ObjectMeta metadata) => _metadata = metadata;

    public static V1Jobs For(string jobId, int attempt, string uid = "uid-1") => new(new V1ObjectMeta
    {
        Name = $"pe-{jobId}-a{attempt}",
        Uid = uid,
        Labels = new Dictionary<string, string>
        {
            ["placement.dev/job-id"] = jobId,
            ["placement.dev/attempt"] = attempt.ToString(CultureInfo.InvariantCulture),
        },
    });

    public static V1Jobs Unlabelled(string name) => new(new V1ObjectMeta { Name = name, Uid = "uid-x" });

    public V1Jobs Workers(int workers) => Set(() => _workers = workers);
    public V1Jobs Active(int active) => Set(() => _status = _status with { Active = active });
    public V1Jobs Ready(int ready) => Set(() => _status = _status with { Ready = ready });
    public V1Jobs Succeeded(int succeeded) => Set(() => _status = _status with { Succeeded = succeeded });
    public V1Jobs FailedPods(int failed) => Set(() => _status = _status with { Failed = failed });
    public V1Jobs Uid(string uid) => Set(() => _metadata = _metadata with { Uid = uid });

    public V1Jobs Condition(string type, string reason = "", string message = "", string status = "True") =>
        Set(() => _conditions.Add(new V1JobCondition { Type = type, Status = status, Reason = reason, Message = message }));

    public V1Job Obj() => new()
    {
        Metadata = _metadata,
        Spec = new V1JobSpec { Parallelism = _workers, Completions = _workers },
        Status = _status with { Conditions = _conditions.ToList() },
    };

    private V1Jobs Set(Action change)
    {
        change();
        return this;
    }
}
