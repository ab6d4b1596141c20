using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Fakes;

/// <summary>Realistic responses for rendering and command tests.</summary>
internal static class Samples
{
    public static readonly Timestamp Created = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    public static Job RunningJob(string id = "job-7f3a")
    {
        var job = new Job
        {
            Id = id,
            Team = "ml-research",
            State = JobState.Running,
            Attempts = 1,
            CreatedAt = Created,
            UpdatedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 21, 9, 5, 0, TimeSpan.Zero)),
            IdempotencyKey = "placectl-0123",
            Spec = new JobSpec
            {
                Name = "llm-finetune-eu",
                Workers = 1,
                EstimatedRuntimeSeconds = 6 * 3600,
                CapacityPolicy = CapacityPolicy.SpotPreferred,
                CheckpointIntervalSeconds = 1800,
                Worker = new WorkerResources { Gpus = 8, GpuModels = { "A100" }, Vcpus = 90, MemoryGib = 600 },
            },
            Placement = new Placement
            {
                Cluster = "gke-ew4",
                Pool = "a100-spot",
                Cloud = "gcp",
                Region = "europe-west4",
                InstanceType = "a2-highgpu-8g",
                CapacityType = CapacityType.Spot,
                Nodes = 1,
                Attempt = 1,
                Simulated = true,
                KubernetesJob = "job-7f3a-1",
                Cost = new CostBreakdown { HourlyPrice = "3.79256", Nodes = 1, Hours = 6, Compute = "22.75536", Egress = "0.00", SpotRisk = "1.20", Total = "23.95536" },
            },
        };
        job.Transitions.Add(new StateTransition { From = JobState.Pending, To = JobState.Placed, Reason = "cheapest eligible pool", At = Created });
        job.Transitions.Add(new StateTransition { From = JobState.Placed, To = JobState.Running, Reason = "pods running", At = job.UpdatedAt });
        return job;
    }

    /// <summary>A history's first entry as the server sends it: no state before.</summary>
    public static StateTransition Submitted() => new() { To = JobState.Pending, Reason = "submitted", At = Created };

    public static Explanation PlacedExplanation()
    {
        var explanation = new Explanation
        {
            JobId = "job-7f3a",
            State = JobState.Placed,
            Summary = "placed on the cheapest eligible pool",
        };
        var chosen = Candidate("gke-ew4", "a100-spot", "23.95", eligible: true, chosen: true);
        explanation.Chosen = chosen.Clone();
        // Deliberately not cheapest first, to show the view orders them itself.
        explanation.Candidates.Add(Candidate("aks-weu", "nd96-od", "190.00", eligible: true, chosen: false));
        explanation.Candidates.Add(Candidate("eks-use1", "p4d-spot", "", eligible: false, chosen: false, reason: "residency", detail: "us-east-1 is in US, job needs EU"));
        explanation.Candidates.Add(chosen);
        explanation.Candidates.Add(Candidate("gke-ew4", "a100-od", "45.50", eligible: false, chosen: false, reason: "capacity", detail: "0 of 4 nodes free"));
        explanation.WhatWouldFit.Add("allow capacityPolicy spot-only to use aks-weu/nd96-spot");
        return explanation;
    }

    public static Candidate Candidate(string cluster, string pool, string total, bool eligible, bool chosen, string reason = "", string detail = "") => new()
    {
        Cluster = cluster,
        Pool = pool,
        Cloud = cluster[..3] switch { "gke" => "gcp", "aks" => "azure", _ => "aws" },
        Region = "r1",
        InstanceType = "i1",
        CapacityType = pool.EndsWith("spot", StringComparison.Ordinal) ? CapacityType.Spot : CapacityType.OnDemand,
        Nodes = 1,
        Eligible = eligible,
        Chosen = chosen,
        Reason = reason,
        Detail = detail,
        Cost = total.Length == 0 ? null : new CostBreakdown { HourlyPrice = "1.00", Total = total },
    };
}
