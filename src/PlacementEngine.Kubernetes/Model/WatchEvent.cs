using System.Text.Json;

namespace PlacementEngine.Kubernetes.Model;

/// <summary>One line of a watch stream, as sent.</summary>
internal sealed record WatchEventFrame
{
    public string? Type { get; init; }
    public JsonElement Object { get; init; }
}

internal static class WatchEventTypes
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}

/// <summary>A decoded watch event. ERROR events never get here: the client raises them as exceptions.</summary>
internal sealed record WatchEvent<T>(string Type, T Object);
