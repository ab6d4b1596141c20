using System.Text.Json.Nodes;

namespace PlacementEngine.TestKit.Kubernetes.Fake;

/// <summary>Legacy (unaggregated) discovery documents: enough for kubectl to map "jobs" to batch/v1.</summary>
internal static class FakeDiscovery
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-fake",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    /// <summary>The fake serves no core resources; an empty list keeps discovery complete.</summary>
    public static JsonObject CoreResources() => new()
    {
        ["kind"] = "APIResourceList",
        ["groupVersion"] = "v1",
        ["resources"] = new JsonArray(),
    };

    public static JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(BatchGroupBody()),
    };

    public static JsonObject BatchGroup()
    {
        var group = BatchGroupBody();
        group["kind"] = "APIGroup";
        group["apiVersion"] = "v1";
        return group;
    }

    public static JsonObject BatchResources() => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = "batch/v1",
        ["resources"] = new JsonArray(
            new JsonObject
            {
                ["name"] = "jobs",
                ["singularName"] = "job",
                ["namespaced"] = true,
                ["kind"] = "Job",
                ["verbs"] = new JsonArray("create", "delete", "get", "list", "watch"),
                ["categories"] = new JsonArray("all"),
            },
            new JsonObject
            {
                ["name"] = "jobs/status",
                ["singularName"] = "",
                ["namespaced"] = true,
                ["kind"] = "Job",
                ["verbs"] = new JsonArray("get"),
            }),
    };

    private static JsonObject BatchGroupBody() => new()
    {
        ["name"] = "batch",
        ["versions"] = new JsonArray(new JsonObject { ["groupVersion"] = "batch/v1", ["version"] = "v1" }),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = "batch/v1", ["version"] = "v1" },
    };
}
