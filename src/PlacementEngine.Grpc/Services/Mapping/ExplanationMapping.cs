using PlacementEngine.Core;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

internal static class ExplanationMapping
{
    public static V1.Explanation ToProto(this JobExplanation explanation, Job job, bool allCandidates)
    {
        var shown = explanation.Shown(allCandidates);
        var proto = new V1.Explanation
        {
            JobId = job.Id.Value,
            State = job.State.ToProto(),
            Summary = explanation.Summary,
            WhatWouldFit = { explanation.WhatWouldFit },
            CandidatesOmitted = explanation.Candidates.Count - shown.Count,
        };
        if (explanation.Chosen is { } chosen)
        {
            proto.Chosen = chosen.ToProto(isChosen: true);
        }
        proto.Candidates.AddRange(explanation.CandidatesToProto(shown));
        if (explanation.Waits is (RejectReason.NoPrice, var unpriced))
        {
            // Not a pool's verdict but the fleet's: a count of pools rejected for their GPU model would point elsewhere.
            proto.PendingReasons.Add($"{RejectReason.NoPrice.ToWire()}: {unpriced}");
        }
        else if (explanation.Chosen is null)
        {
            proto.PendingReasons.AddRange(PendingReasons(explanation.Candidates));
        }
        return proto;
    }

    /// <summary>Every candidate, or the chosen pool and the best few others; cheapest first either way.</summary>
    public static IReadOnlyList<Candidate> Shown(this JobExplanation explanation, bool allCandidates) =>
        allCandidates
            ? CandidateShortlist.CheapestFirst(explanation.Candidates)
            : CandidateShortlist.Best(explanation.Candidates, explanation.Chosen?.Pool.Name);

    public static IEnumerable<V1.Candidate> CandidatesToProto(this JobExplanation explanation, IReadOnlyList<Candidate> shown)
    {
        var chosenPool = explanation.Chosen?.Pool.Name;
        return shown.Select(c => c.ToProto(isChosen: c.Pool.Name == chosenPool));
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
