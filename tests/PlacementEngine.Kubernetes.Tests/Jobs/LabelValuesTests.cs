using PlacementEngine.Kubernetes.Jobs;

namespace PlacementEngine.Kubernetes.Tests.Jobs;

public sealed class LabelValuesTests
{
    [Theory]
    [InlineData("team-a", "team-a")]
    [InlineData("aws-us-west-2/p4d.24xlarge/spot", "aws-us-west-2-p4d.24xlarge-spot")]
    [InlineData("Data Science!", "Data-Science")]
    [InlineData("_private_", "private")]
    [InlineData("", "")]
    public void Sanitize_Text_GivesAValidLabelValue(string text, string expected)
    {
        Assert.Equal(expected, LabelValues.Sanitize(text));
        Assert.True(LabelValues.IsValid(expected));
    }

    [Fact]
    public void Sanitize_TooLong_CutsTo63AndKeepsLongNamesDistinct()
    {
        var prefix = new string('p', 70);

        var first = LabelValues.Sanitize(prefix + "-one");
        var second = LabelValues.Sanitize(prefix + "-two");

        Assert.Equal(LabelValues.MaxLength, first.Length);
        Assert.True(LabelValues.IsValid(first));
        Assert.NotEqual(first, second);
    }
}
