using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Tests.Serialization;

public sealed class StoredNamesTests
{
    public static TheoryData<JobState> AllStates => [.. JobStates.All];

    public static TheoryData<CapacityPolicy> AllPolicies => [.. Enum.GetValues<CapacityPolicy>()];

    [Theory]
    [MemberData(nameof(AllStates))]
    public void ParseState_OfStoredName_ReturnsTheState(JobState state)
    {
        Assert.Equal(state, StoredNames.ParseState(StoredNames.Of(state)));
    }

    [Theory]
    [MemberData(nameof(AllPolicies))]
    public void ParsePolicy_OfStoredName_ReturnsThePolicy(CapacityPolicy policy)
    {
        Assert.Equal(policy, StoredNames.ParsePolicy(StoredNames.Of(policy)));
    }

    [Fact]
    public void ParseState_UnknownName_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => StoredNames.ParseState("Pending"));
    }
}
