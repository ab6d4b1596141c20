using Grpc.Health.V1;
using PlacementEngine.Contracts.V1;
using PlacementEngine.LoadGen.Load;

namespace PlacementEngine.LoadGen.Calls;

/// <summary>The unary calls a run makes, each over the request's channel with the token and a deadline.</summary>
internal sealed class Submissions(LoadChannels channels, string run)
{
    public UnaryCall Submit(Func<string, long, JobSpec> spec) => async (request, ct) =>
        await SubmitAsync(spec, request, ct).ConfigureAwait(false);

    public async Task<SubmitJobResponse> SubmitAsync(Func<string, long, JobSpec> spec, Request request, CancellationToken cancellationToken) =>
        await new JobService.JobServiceClient(channels.For(request.Index)).SubmitJobAsync(
            new SubmitJobRequest { Spec = spec(run, request.Index), IdempotencyKey = JobSpecs.Key(run, request.Index) },
            channels.Unary(cancellationToken)).ConfigureAwait(false);

    /// <summary>grpc.health.v1 Check of the whole server: what the same server answers with the least work per call.</summary>
    public UnaryCall Health() => async (request, ct) =>
        await new Health.HealthClient(channels.For(request.Index)).CheckAsync(new HealthCheckRequest(), channels.Unary(ct)).ConfigureAwait(false);
}
