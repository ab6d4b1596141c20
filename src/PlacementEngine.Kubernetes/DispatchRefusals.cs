using System.Globalization;
using System.Net;
using PlacementEngine.Kubernetes.Client;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes;

/// <summary>What a failed Job create means for the scheduler: accepted after all, refused for good, or retry later.</summary>
internal static class DispatchRefusals
{
    public const string NetworkCode = "network";
    public const string TimeoutCode = "timeout";
    public const string CredentialsCode = "credentials";

    public static DispatchOutcome From(ApiRefusal error, string name)
    {
        var code = error.Code.ToString(CultureInfo.InvariantCulture);
        return (HttpStatusCode)error.Code switch
        {
            // The deterministic name exists: an earlier dispatch of this attempt got through (e.g. before a crash).
            HttpStatusCode.Conflict when error.Reason == "AlreadyExists" => DispatchOutcome.Ok(name),
            // The manifest itself is wrong: sending it again cannot help.
            HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest =>
                new DispatchOutcome(false, name, $"the cluster rejected Job {name}: {error.Message}", code, Permanent: true),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new DispatchOutcome(false, name, $"the cluster denied creating Job {name} ({error.Reason}): {error.Message}", code),
            // Quota, rate limits, an overloaded or failing API server, a missing namespace: all may pass.
            _ => new DispatchOutcome(false, name, $"the cluster could not create Job {name} ({error.Reason}): {error.Message}", code),
        };
    }

    public static DispatchOutcome Unreachable(string name, Exception error) =>
        new(false, name, $"the cluster API did not answer creating Job {name}: {error.Message}", NetworkCode);

    public static DispatchOutcome WithoutCredentials(string name, Exception error) =>
        new(false, name, $"no credentials for the cluster API creating Job {name}: {error.Message}", CredentialsCode);

    public static DispatchOutcome TimedOut(string name) =>
        new(false, name, $"the cluster API did not answer creating Job {name} in time", TimeoutCode);
}
