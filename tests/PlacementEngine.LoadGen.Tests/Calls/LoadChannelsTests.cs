using PlacementEngine.LoadGen.Calls;
using PlacementEngine.LoadGen.Options;

namespace PlacementEngine.LoadGen.Tests.Calls;

public class LoadChannelsTests
{
    [Fact]
    public void For_SeveralTargets_SpreadsConnectionsOverThemInTurn()
    {
        var options = new LoadOptions { Targets = [new("http://127.0.0.1:5001"), new("http://127.0.0.1:5002")], Connections = 4 };

        using var channels = new LoadChannels(options);

        Assert.Equal(4, channels.Count);
        Assert.Equal(["127.0.0.1:5001", "127.0.0.1:5002", "127.0.0.1:5001", "127.0.0.1:5002", "127.0.0.1:5001"],
            Enumerable.Range(0, 5).Select(request => channels.For(request).Target));
    }

    [Fact]
    public void Key_IsUniquePerRunAndRequest()
    {
        var run = JobSpecs.NewRunId();

        Assert.NotEqual(JobSpecs.Key(run, 1), JobSpecs.Key(run, 2));
        Assert.NotEqual(JobSpecs.Key(run, 1), JobSpecs.Key(JobSpecs.NewRunId(), 1));
        Assert.NotEqual(JobSpecs.Placeable(run, 1).Name, JobSpecs.Placeable(run, 2).Name);
    }
}
