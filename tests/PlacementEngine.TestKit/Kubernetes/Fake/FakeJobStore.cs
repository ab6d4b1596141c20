using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PlacementEngine.TestKit.Kubernetes.Fake;

/// <summary>What became of the creates sent for one Job name.</summary>
/// <param name="Created">Creates that made a Job.</param>
/// <param name="AlreadyExisted">Creates refused with 409 AlreadyExists.</param>
public sealed record FakeCreates(int Created, int AlreadyExisted);

/// <summary>
/// The fake API server's state: Jobs, one cluster-wide resourceVersion counter stamped on every write, the
/// history of changes watches resume from, and the open watches. Tests change Job status through it.
/// </summary>
public sealed class FakeJobStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, JsonObject> _jobs = new(StringComparer.Ordinal);
    private readonly List<StoredEvent> _history = [];
    private readonly List<FakeWatch> _watches = [];
    private readonly Dictionary<string, FakeCreates> _creates = new(StringComparer.Ordinal);
    private TaskCompletionSource _watchOpened = NewSignal();
    private long _version = 1000;

    // A watch can resume from this version or a later one; anything older has been compacted away.
    private long _oldestResumable = 1000;

    public string ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return Format(_version);
            }
        }
    }

    public int OpenWatches
    {
        get
        {
            lock (_gate)
            {
                return _watches.Count;
            }
        }
    }

    /// <summary>A copy of a stored Job, or null.</summary>
    public JsonObject? Find(string @namespace, string name)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(Key(@namespace, name), out var job) ? (JsonObject)job.DeepClone() : null;
        }
    }

    /// <summary>
    /// For every Job name a create was sent for (a valid one): how often a Job was created under it, and how often
    /// a create was refused because it already existed. A name created twice means a Job deleted and made again.
    /// </summary>
    public IReadOnlyDictionary<string, FakeCreates> Creates(string @namespace)
    {
        lock (_gate)
        {
            var prefix = Key(@namespace, "");
            return _creates.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(c => c.Key[prefix.Length..], c => c.Value, StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<JsonObject> All()
    {
        lock (_gate)
        {
            return _jobs.Values.Select(j => (JsonObject)j.DeepClone()).ToList();
        }
    }

    /// <summary>Replaces a Job's status, as the Job controller would, and tells the watches.</summary>
    public void SetStatus(string @namespace, string name, JsonObject status)
    {
        lock (_gate)
        {
            var job = _jobs[Key(@namespace, name)];
            job["status"] = status;
            Stamp(job);
            Publish("MODIFIED", job);
        }
    }

    /// <summary>
    /// Forgets all history and ends every watch, after a write the selected Jobs do not see (another object's
    /// change): whatever version a client last saw, resuming from it now answers 410 Gone.
    /// </summary>
    public void ExpireHistory()
    {
        lock (_gate)
        {
            _version++;
            _history.Clear();
            _oldestResumable = _version;
            EndWatchesLocked();
        }
    }

    /// <summary>Forgets all history up to the current version and ends every watch: only a client at the current version resumes.</summary>
    public void ExpireHistoryBelowCurrent()
    {
        lock (_gate)
        {
            _history.Clear();
            _oldestResumable = _version;
            EndWatchesLocked();
        }
    }

    /// <summary>Ends every open watch stream, as a server does at its timeout.</summary>
    public void EndWatches()
    {
        lock (_gate)
        {
            EndWatchesLocked();
        }
    }

    /// <summary>Sends a BOOKMARK with the current version to every watch that allowed bookmarks.</summary>
    public void SendBookmarks()
    {
        lock (_gate)
        {
            var bookmark = new JsonObject
            {
                ["kind"] = "Job",
                ["apiVersion"] = "batch/v1",
                ["metadata"] = new JsonObject { ["resourceVersion"] = Format(_version) },
            };
            foreach (var watch in _watches.Where(w => w.AllowBookmarks))
            {
                watch.Events.Writer.TryWrite(new StoredEvent(_version, "BOOKMARK", bookmark));
            }
        }
    }

    /// <summary>Completes when a watch is open (at once if one already is).</summary>
    public Task WatchOpened()
    {
        lock (_gate)
        {
            return _watches.Count > 0 ? Task.CompletedTask : _watchOpened.Task;
        }
    }

    /// <summary>Creates a Job as a POST would (tests use it for Jobs another client made): the stored copy, or the refusal Status.</summary>
    public (JsonObject? Created, JsonObject? Refusal) Create(string @namespace, JsonObject job)
    {
        var name = job["metadata"]?["name"]?.GetValue<string>() ?? "";
        var errors = FakeJobValidation.Validate(job);
        if (errors.Count > 0)
        {
            return (null, FakeStatus.Invalid(name, errors));
        }
        lock (_gate)
        {
            var creates = _creates.GetValueOrDefault(Key(@namespace, name)) ?? new FakeCreates(0, 0);
            if (_jobs.ContainsKey(Key(@namespace, name)))
            {
                _creates[Key(@namespace, name)] = creates with { AlreadyExisted = creates.AlreadyExisted + 1 };
                return (null, FakeStatus.AlreadyExists(name));
            }
            _creates[Key(@namespace, name)] = creates with { Created = creates.Created + 1 };
            var metadata = (JsonObject)job["metadata"]!;
            metadata["namespace"] = @namespace;
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["generation"] = 1;
            metadata["creationTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            job["status"] ??= new JsonObject();
            Stamp(job);
            _jobs[Key(@namespace, name)] = job;
            Publish("ADDED", job);
            return ((JsonObject)job.DeepClone(), null);
        }
    }

    internal JsonObject? Delete(string @namespace, string name)
    {
        lock (_gate)
        {
            if (!_jobs.Remove(Key(@namespace, name), out var job))
            {
                return null;
            }
            // Background propagation: the Job goes at once; the garbage collector removes its pods afterwards.
            Stamp(job);
            Publish("DELETED", job);
            return (JsonObject)job.DeepClone();
        }
    }

    internal (List<JsonObject> Items, string Version) List(string? @namespace, LabelSelector selector)
    {
        lock (_gate)
        {
            var items = _jobs.Values.Where(j => InNamespace(j, @namespace) && selector.Matches(j)).Select(j => (JsonObject)j.DeepClone()).ToList();
            return (items, Format(_version));
        }
    }

    /// <summary>A watch from <paramref name="from"/> (null: from now, after synthetic ADDED events), or null when that version is gone.</summary>
    internal FakeWatch? Watch(string? @namespace, LabelSelector selector, long? from, bool allowBookmarks)
    {
        lock (_gate)
        {
            if (from < _oldestResumable)
            {
                return null;
            }
            var watch = new FakeWatch(@namespace, selector, allowBookmarks);
            var backlog = from is { } version
                ? _history.Where(e => e.Version > version)
                : _jobs.Values.Select(j => new StoredEvent(_version, "ADDED", (JsonObject)j.DeepClone()));
            foreach (var stored in backlog.Where(watch.Wants))
            {
                watch.Events.Writer.TryWrite(stored);
            }
            _watches.Add(watch);
            _watchOpened.TrySetResult();
            return watch;
        }
    }

    internal long OldestResumable
    {
        get
        {
            lock (_gate)
            {
                return _oldestResumable;
            }
        }
    }

    internal void Close(FakeWatch watch)
    {
        lock (_gate)
        {
            _watches.Remove(watch);
            watch.Events.Writer.TryComplete();
            if (_watches.Count == 0)
            {
                _watchOpened = NewSignal();
            }
        }
    }

    private void EndWatchesLocked()
    {
        foreach (var watch in _watches)
        {
            watch.Events.Writer.TryComplete();
        }
        _watches.Clear();
        _watchOpened = NewSignal();
    }

    private void Stamp(JsonObject job)
    {
        _version++;
        job["metadata"]!["resourceVersion"] = Format(_version);
    }

    private void Publish(string type, JsonObject job)
    {
        var stored = new StoredEvent(_version, type, (JsonObject)job.DeepClone());
        _history.Add(stored);
        foreach (var watch in _watches.Where(w => w.Wants(stored)))
        {
            watch.Events.Writer.TryWrite(stored);
        }
    }

    private static bool InNamespace(JsonObject job, string? @namespace) =>
        @namespace is null || job["metadata"]?["namespace"]?.GetValue<string>() == @namespace;

    private static string Key(string @namespace, string name) => $"{@namespace}/{name}";

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal sealed record StoredEvent(long Version, string Type, JsonObject Object);

    internal sealed class FakeWatch(string? @namespace, LabelSelector selector, bool allowBookmarks)
    {
        public Channel<StoredEvent> Events { get; } = Channel.CreateUnbounded<StoredEvent>();

        public bool AllowBookmarks => allowBookmarks;

        public bool Wants(StoredEvent stored) => InNamespace(stored.Object, @namespace) && selector.Matches(stored.Object);
    }
}
