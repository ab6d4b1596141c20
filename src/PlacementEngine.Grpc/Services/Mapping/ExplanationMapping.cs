using PlacementEngine.Core;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

internal static class ExplanationMapping
{
    public static V1.Explanation ToProto(this JobExplanation explanation, Job job)
    {
        var proto = new V1.Explanation
        {
            JobId = job.Id.Value,
            State = job.State.ToProto(),
            Summary = explanation.Summary,
            WhatWouldFit = { explanation.WhatWouldFit },
        };
        if (explanation.Chosen is { } chosen)
        {
            proto.Chosen = chosen.ToProto(isChosen: true);
        }
        proto.Candidates.AddRange(explanation.CandidatesToProto());
        if (explanation.Chosen is null)
        {
            proto.PendingReasons.AddRange(PendingReasons(explanation.Candidates));
        }
        return proto;
    }

    /// <summary>Cheapest first whatever the verdict, so a user sees what each cheaper pool would have cost and why it lost.</summary>
    public static IEnumerable<V1.Candidate> CandidatesToProto(this JobExplanation explanation)
    {
        var chosenPool = explanation.Chosen?.Pool.Name;
        return explanation.Candidates
            .OrderBy(c => c.Cost is null ? 1 : 0)
            .ThenBy(c => c.Cost?.Total.Dollars ?? 0m)
            .ThenBy(c => c.Pool.Name, StringComparer.Ordinal)
            .Select(c => c.ToProto(isChosen: c.Pool.Name == chosenPool));
    }

    public static V1.Candidate ToProto(this Candidate candidate, bool isChosen)
    {
        var proto = new V1.Candidate
        {
            Cluster = candidate.Cluster.Name,
            Pool = candidate.Pool.Name,
            Cloud = candidate.Cluster.Cloud.ToWire(),
            Region = candidate.Cluster.Region.Name,
            InstanceType = candidate.Pool.InstanceType.Name,
            CapacityType = candidate.Pool.CapacityType.ToProto(),
            Nodes = candidate.Nodes ?? 0,
            Eligible = candidate.Eligible,
            Reason = candidate.Rejection?.ToWire() ?? "",
            Detail = candidate.Detail,
            Chosen = isChosen,
        };
        if (candidate.Cost is { } cost)
        {
            proto.Cost = cost.ToProto();
        }
        return proto;
    }

    /// <summary>One line per rejection reason, most common first: "residency: 12 of 20 pools (e.g. ...)".</summary>
    private static IEnumerable<string> PendingReasons(IReadOnlyList<Candidate> candidates) =>
        candidates
            .Where(c => c.Rejection is not null)
            .GroupBy(c => c.Rejection!.Value)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => $"{g.Key.ToWire()}: {g.Count()} of {candidates.Count} pools (e.g. {g.First().Detail})");
}
