using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace PlacementEngine.Kubernetes.Client;

/// <summary>A refusal from the API server: the HTTP code plus the reason and message of the Status body it sent.</summary>
internal sealed record ApiRefusal(int Code, string Reason, string Message)
{
    private const int MaxBodyInMessage = 300;

    public bool IsGone => Code == (int)HttpStatusCode.Gone;

    public static ApiRefusal From(HttpOperationException error)
    {
        var code = (int)error.Response.StatusCode;
        var body = error.Response.Content ?? "";
        return From(code, TryParseStatus(body), body);
    }

    /// <summary>An ERROR event of a watch: the Status it carries.</summary>
    public static ApiRefusal From(KubernetesException error) =>
        From(error.Status?.Code ?? (int)HttpStatusCode.InternalServerError, error.Status, error.Message);

    private static ApiRefusal From(int code, V1Status? status, string body)
    {
        var reason = !string.IsNullOrWhiteSpace(status?.Reason) ? status.Reason : ((HttpStatusCode)code).ToString();
        var message = !string.IsNullOrWhiteSpace(status?.Message) ? status.Message : Abbreviate(body);
        return new ApiRefusal(status?.Code is > 0 and var statusCode ? statusCode : code, reason, message);
    }

    private static V1Status? TryParseStatus(string body)
    {
        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(body);
            return status?.Kind == "Status" ? status : null;
        }
        catch (JsonException)
        {
            // Proxies and load balancers in front of the API answer errors in HTML or plain text.
            return null;
        }
    }

    private static string Abbreviate(string body)
    {
        var text = body.Trim();
        return text.Length <= MaxBodyInMessage ? text : text[..MaxBodyInMessage] + "...";
    }
}
