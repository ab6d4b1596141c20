using PlacementEngine.Cli.JobFiles;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.JobFiles;

public sealed class JobFileTolerationsTests
{
    [Fact]
    public void Parse_Tolerations_MapsEachOntoTheSpec()
    {
        var spec = JobFileReader.Parse("""
            name: etl
            image: ghcr.io/acme/etl:1
            tolerations:
              - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
              - {key: dedicated, value: ml}
            """, "job.yaml");

        Assert.Equal(
            [
                new Toleration { Key = "nvidia.com/gpu", Operator = "Exists", Effect = "NoSchedule" },
                new Toleration { Key = "dedicated", Value = "ml" },
            ],
            spec.Tolerations);
    }

    [Fact]
    public void Parse_TolerationsOmitted_LeavesNone()
    {
        Assert.Empty(JobFileReader.Parse("name: etl\nimage: ghcr.io/acme/etl:1\n", "job.yaml").Tolerations);
    }

    [Fact]
    public void Parse_UnknownTolerationKey_NamesKeyAndLine()
    {
        var error = Assert.Throws<JobFileException>(() => JobFileReader.Parse("""
            name: etl
            image: ghcr.io/acme/etl:1
            tolerations:
              - key: nvidia.com/gpu
                seconds: 30
            """, "job.yaml"));

        Assert.Equal((5, "tolerations[0].seconds"), (error.Line, error.Field));
        Assert.Contains("unknown key 'seconds'", error.Problem, StringComparison.Ordinal);
    }
}
