using System.Net;
using PlacementEngine.Kubernetes.Model;

namespace PlacementEngine.Kubernetes.Api;

/// <summary>The Kubernetes API refused a request: the HTTP code plus the reason and message of its Status body.</summary>
public sealed class KubernetesApiException : Exception
{
    private const int MaxBodyInMessage = 300;

    public KubernetesApiException()
    {
    }

    public KubernetesApiException(string message)
        : base(message)
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal KubernetesApiException(int code, string reason, string statusMessage)
        : base($"{code} {reason}: {statusMessage}")
    {
        Code = code;
        Reason = reason;
        StatusMessage = statusMessage;
    }

    /// <summary>The HTTP status code (or the code of an ERROR watch event).</summary>
    public int Code { get; }

    /// <summary>The Status reason, e.g. AlreadyExists, Invalid, NotFound, Expired; the HTTP reason when there was no Status.</summary>
    public string Reason { get; } = "";

    /// <summary>The Status message, naming the object and the offending field.</summary>
    public string StatusMessage { get; } = "";

    /// <summary>The resource version a list or watch asked for is older than the server keeps: list again.</summary>
    public bool IsGone => Code == (int)HttpStatusCode.Gone;

    internal static KubernetesApiException From(int code, V1Status? status, string body)
    {
        var reason = !string.IsNullOrWhiteSpace(status?.Reason) ? status.Reason : ((HttpStatusCode)code).ToString();
        var message = !string.IsNullOrWhiteSpace(status?.Message) ? status.Message : Abbreviate(body);
        return new KubernetesApiException(status?.Code is > 0 and var statusCode ? statusCode : code, reason, message);
    }

    private static string Abbreviate(string body)
    {
        var text = body.Trim();
        return text.Length <= MaxBodyInMessage ? text : text[..MaxBodyInMessage] + "...";
    }
}
