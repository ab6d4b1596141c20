using System.Globalization;
using k8s.Models;

namespace PlacementEngine.Kubernetes.Tests.Support;

/// <summary>Fluent builder for Job objects as the API returns them: <c>V1Jobs.For("j1", 1).Ready(1).Obj()</c>.</summary>
internal sealed class V1Jobs
{
    private readonly List<V1JobCondition> _conditions = [];
    private readonly string _name;
    private readonly Dictionary<string, string>? _labels;
    private string _uid;
    private int _workers = 1;
    private int? _active;
    private int? _ready;
    private int? _succeeded;
    private int? _failed;

    private V1Jobs(string name, string uid, Dictionary<string, string>? labels)
    {
        _name = name;
        _uid = uid;
        _labels = labels;
    }

    public static V1Jobs For(string jobId, int attempt, string uid = "uid-1") => new(
        $"pe-{jobId}-a{attempt}",
        uid,
        new Dictionary<string, string>
        {
            ["placement.dev/job-id"] = jobId,
            ["placement.dev/attempt"] = attempt.ToString(CultureInfo.InvariantCulture),
        });

    public static V1Jobs Unlabelled(string name) => new(name, "uid-x", labels: null);

    public V1Jobs Workers(int workers) => Set(() => _workers = workers);
    public V1Jobs Active(int active) => Set(() => _active = active);
    public V1Jobs Ready(int ready) => Set(() => _ready = ready);
    public V1Jobs Succeeded(int succeeded) => Set(() => _succeeded = succeeded);
    public V1Jobs FailedPods(int failed) => Set(() => _failed = failed);
    public V1Jobs Uid(string uid) => Set(() => _uid = uid);

    public V1Jobs Condition(string type, string reason = "", string message = "", string status = "True") =>
        Set(() => _conditions.Add(new V1JobCondition { Type = type, Status = status, Reason = reason, Message = message }));

    public V1Job Obj() => new()
    {
        Metadata = new V1ObjectMeta { Name = _name, Uid = _uid, Labels = _labels is null ? null : new Dictionary<string, string>(_labels) },
        Spec = new V1JobSpec { Parallelism = _workers, Completions = _workers },
        Status = new V1JobStatus
        {
            Active = _active,
            Ready = _ready,
            Succeeded = _succeeded,
            Failed = _failed,
            Conditions = _conditions.ToList(),
        },
    };

    private V1Jobs Set(Action change)
    {
        change();
        return this;
    }
}
