using System.Text.Json.Nodes;

namespace PlacementEngine.TestKit.Kubernetes.Fake;

/// <summary>meta/v1 Status bodies, worded as the real API server words them.</summary>
internal static class FakeStatus
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        };
        if (details is not null)
        {
            status["details"] = details;
        }
        return status;
    }

    public static JsonObject NotFound(string name) =>
        Failure(404, "NotFound", $"jobs.batch \"{name}\" not found", JobDetails(name));

    public static JsonObject AlreadyExists(string name) =>
        Failure(409, "AlreadyExists", $"jobs.batch \"{name}\" already exists", JobDetails(name));

    public static JsonObject Invalid(string name, IReadOnlyList<FieldError> errors)
    {
        var details = JobDetails(name, kind: "Job");
        details["causes"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = e.Reason,
            ["message"] = e.Message,
            ["field"] = e.Field,
        }).ToArray());
        var summary = string.Join(", ", errors.Select(e => $"{e.Field}: {e.Message}"));
        return Failure(422, "Invalid", $"Job.batch \"{name}\" is invalid: {summary}", details);
    }

    public static JsonObject BadRequest(string message) => Failure(400, "BadRequest", message);

    public static JsonObject Expired(long requested, long oldest) =>
        Failure(410, "Expired", $"too old resource version: {requested} ({oldest})");

    public static JsonObject Unauthorized() => Failure(401, "Unauthorized", "Unauthorized");

    public static JsonObject Forbidden(string verb, string path) =>
        Failure(403, "Forbidden", $"forbidden: User \"system:anonymous\" cannot {verb} path \"{path}\"");

    public static JsonObject PathNotFound() => Failure(404, "NotFound", "the server could not find the requested resource");

    public static JsonObject MethodNotAllowed(string method) =>
        Failure(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    private static JsonObject JobDetails(string name, string kind = "jobs") =>
        new() { ["name"] = name, ["group"] = "batch", ["kind"] = kind };
}

internal sealed record FieldError(string Field, string Reason, string Message)
{
    public static FieldError Required(string field) => new(field, "FieldValueRequired", "Required value");

    public static FieldError InvalidValue(string field, string value, string why) =>
        new(field, "FieldValueInvalid", $"Invalid value: \"{value}\": {why}");

    public static FieldError Unsupported(string field, string value, string supported) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: \"{value}\": supported values: {supported}");
}
