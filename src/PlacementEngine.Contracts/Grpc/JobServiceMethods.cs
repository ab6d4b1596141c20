namespace PlacementEngine.Contracts.Grpc;

/// <summary>Full method names ("/package.Service/Method") of placement.v1.JobService.</summary>
public static class JobServiceMethods
{
    public const string ServiceName = "placement.v1.JobService";
    public const string SubmitJob = "/" + ServiceName + "/SubmitJob";
    public const string GetJob = "/" + ServiceName + "/GetJob";
    public const string ListJobs = "/" + ServiceName + "/ListJobs";
    public const string CancelJob = "/" + ServiceName + "/CancelJob";
    public const string WatchJob = "/" + ServiceName + "/WatchJob";
    public const string ExplainJob = "/" + ServiceName + "/ExplainJob";
    public const string PlanJobs = "/" + ServiceName + "/PlanJobs";
}
