using System.Globalization;
using System.Text.Json.Nodes;

namespace PlacementEngine.TestKit.Kubernetes.Fake;

/// <summary>Server-side printing (meta.k8s.io/v1 Table) of Jobs, with the columns kubectl shows for them.</summary>
internal static class FakeJobTable
{
    public const string MediaType = "application/json;as=Table;v=v1;g=meta.k8s.io";

    public static bool IsRequested(string? accept) => accept?.Contains("as=Table", StringComparison.Ordinal) == true;

    public static JsonObject For(IEnumerable<JsonObject> jobs, string resourceVersion) => new()
    {
        ["kind"] = "Table",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
        ["columnDefinitions"] = new JsonArray(
            Column("Name", "name", "Name must be unique within a namespace."),
            Column("Status", "", "Status of the job."),
            Column("Completions", "", "The desired number of successfully finished pods the job should be run with."),
            Column("Duration", "", "Time required to complete the job."),
            Column("Age", "", "CreationTimestamp is a timestamp representing the server time when this object was created.")),
        ["rows"] = new JsonArray(jobs.Select(Row).ToArray()),
    };

    private static JsonNode Row(JsonObject job)
    {
        var completions = job["spec"]?["completions"]?.GetValue<int>() ?? 1;
        var succeeded = job["status"]?["succeeded"]?.GetValue<int>() ?? 0;
        return new JsonObject
        {
            ["cells"] = new JsonArray(
                job["metadata"]?["name"]?.GetValue<string>(),
                StatusOf(job),
                $"{succeeded}/{completions}",
                "",
                Age(job)),
            ["object"] = new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = job["metadata"]?.DeepClone(),
            },
        };
    }

    private static string StatusOf(JsonObject job)
    {
        var conditions = job["status"]?["conditions"] as JsonArray ?? [];
        foreach (var type in new[] { "Complete", "Failed" })
        {
            if (conditions.Any(c => c?["type"]?.GetValue<string>() == type && c["status"]?.GetValue<string>() == "True"))
            {
                return type;
            }
        }
        return "Running";
    }

    private static string Age(JsonObject job)
    {
        var created = job["metadata"]?["creationTimestamp"]?.GetValue<string>();
        if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, out var at))
        {
            return "<unknown>";
        }
        var age = DateTimeOffset.UtcNow - at;
        return age.TotalMinutes < 2 ? $"{(int)age.TotalSeconds}s" : $"{(int)age.TotalMinutes}m";
    }

    private static JsonObject Column(string name, string format, string description) => new JsonObject
    {
        ["name"] = name,
        ["type"] = "string",
        ["format"] = format,
        ["description"] = description,
        ["priority"] = 0,
    };
}
