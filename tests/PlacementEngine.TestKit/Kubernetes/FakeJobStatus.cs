using System.Text.Json.Nodes;

namespace PlacementEngine.TestKit.Kubernetes;

/// <summary>Job status objects as the Job controller writes them, for tests to put into the fake.</summary>
public static class FakeJobStatus
{
    public static JsonObject Running(int workers = 1) => new() { ["active"] = workers, ["ready"] = workers };

    public static JsonObject WaitingForNodes(int workers = 1) => new() { ["active"] = workers, ["ready"] = 0 };

    public static JsonObject Complete(int workers = 1) => new()
    {
        ["succeeded"] = workers,
        ["ready"] = 0,
        ["conditions"] = new JsonArray(Condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods"), Condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods")),
    };

    public static JsonObject Failed(string reason, string message) => new()
    {
        ["failed"] = 1,
        ["ready"] = 0,
        ["conditions"] = new JsonArray(Condition("FailureTarget", reason, message), Condition("Failed", reason, message)),
    };

    public static JsonObject Disrupted(string @namespace, string pod) =>
        Failed("PodFailurePolicy", $"Pod {@namespace}/{pod} has condition DisruptionTarget matching FailJob rule at index 0");

    private static JsonObject Condition(string type, string reason, string message) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["message"] = message,
        ["lastProbeTime"] = "2026-01-05T09:00:00Z",
        ["lastTransitionTime"] = "2026-01-05T09:00:00Z",
    };
}
