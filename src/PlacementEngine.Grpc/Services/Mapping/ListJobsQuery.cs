using System.Text.RegularExpressions;
using Grpc.Core;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>A ListJobs request as a store query, every field checked: a bad one is INVALID_ARGUMENT naming it.</summary>
internal static partial class ListJobsQuery
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>A job's name is a DNS label (JobSpecValidator): at most 63 characters.</summary>
    private const int MaxJobNameLength = 63;

    public static JobQuery From(V1.ListJobsRequest request, Caller caller)
    {
        var pageSize = request.PageSize switch
        {
            0 => DefaultPageSize,
            < 0 => throw Rpc.Error(StatusCode.InvalidArgument, $"page_size: {request.PageSize} is negative; leave it 0 for {DefaultPageSize}"),
            > MaxPageSize => throw Rpc.Error(StatusCode.InvalidArgument, $"page_size: {request.PageSize} is above the maximum of {MaxPageSize}"),
            _ => request.PageSize,
        };
        var states = request.States.Select((state, i) => state.ToCore($"states[{i}]")).Distinct().ToList();
        return new JobQuery(caller.IsAdmin ? null : caller.Team, states, pageSize, request.PageToken, NameText(request.NameContains), request.NewestFirst);
    }

    /// <summary>
    /// Job names are DNS labels, lower case, so the text is compared in lower case; text that no job name can
    /// contain is refused rather than answered with an empty list that looks like "no such jobs yet".
    /// </summary>
    private static string NameText(string nameContains)
    {
        var text = nameContains.ToLowerInvariant();
        if (text.Length > MaxJobNameLength || !NamePart().IsMatch(text))
        {
            throw Rpc.Error(StatusCode.InvalidArgument,
                $"name_contains: '{InputText.Quote(nameContains)}' matches no job name; names are 1-{MaxJobNameLength} letters, digits or '-'");
        }
        return text;
    }

    [GeneratedRegex("^[a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePart();
}
