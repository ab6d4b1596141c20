using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

public sealed class PriceImportValidatorTests
{
    private const string Prices = "# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\n";

    private static readonly PriceKey P3UsEast = new(Cloud.Aws, "us-east-1", "p3.2xlarge", CapacityType.OnDemand);

    private static readonly PriceCatalogData Active = new([new PriceEntry(P3UsEast, Money.Of(3m))], [], []);

    [Theory]
    [InlineData("aws,us-east-1,p3.2xlarge,-3.06,,", "negative price -3.06")]
    [InlineData("aws,us-west-1,p3.2xlarge,100001,,", "above the limit")]
    [InlineData("aws,moon-base-1,p3.2xlarge,3.06,,", "unknown region aws:'moon-base-1'")]
    [InlineData("aws,us-east-1,p3 2xlarge,3.06,,", "not a valid name")]
    [InlineData("aws,us-east-1,p3.2xlarge,60.01,,", "more than 20 times the active price 3")]
    public void Import_RuleBroken_ProblemOnTheRowsLine(string row, string message)
    {
        var result = Imports.Text($"{Prices}aws,us-west-2,p3.2xlarge,3.06,,\n{row}\n", active: Active);

        Imports.HasProblemAt(result, 4, message);
        Assert.Equal(1, result.ProblemCount);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("0.01")]
    public void Import_ExactlyTwentyTimesOrAnyDrop_Accepted(string price) =>
        Assert.True(Imports.Text($"{Prices}aws,us-east-1,p3.2xlarge,{price},,\n", active: Active).Accepted);

    [Fact]
    public void Import_LargeRiseWithAllowLargeChanges_Accepted()
    {
        var request = new PriceImportRequest { Validation = new ImportValidationOptions { AllowLargeChanges = true } };

        Assert.True(Imports.Text($"{Prices}aws,us-east-1,p3.2xlarge,600,,\n", request, Active).Accepted);
    }

    [Fact]
    public void Import_ActivePriceZero_AnyNewPriceAccepted()
    {
        var free = new PriceCatalogData([new PriceEntry(P3UsEast, Money.Zero)], [], []);

        Assert.True(Imports.Text($"{Prices}aws,us-east-1,p3.2xlarge,9,,\n", active: free).Accepted);
    }

    [Fact]
    public void Import_SeveralProblems_EveryOneReportedInLineOrder()
    {
        var result = Imports.Text($"{Prices}aws,moon-1,a,1,,\naws,us-east-1,b,-1,,\naws,us-east-1,c,x,,\n");

        Assert.Equal([3, 4, 5], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Import_MoreProblemsThanReported_TheRestCounted()
    {
        var rows = string.Concat(Enumerable.Range(0, 250).Select(i => $"aws,moon-{i},p3.2xlarge,1,,\n"));

        var result = Imports.Text(Prices + rows);

        Assert.Equal(ImportResult.MaxReportedProblems, result.Problems.Count);
        Assert.Equal(250, result.ProblemCount);
        Assert.EndsWith("... and 50 more problems", result.DescribeProblems().TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:us-east-1,aws:moon-1,0.02", "unknown region aws:'moon-1'")]
    [InlineData("aws:us-east-1,aws:us-east-1,0.02", "to itself")]
    [InlineData("aws:us-east-1,aws:us-west-2,-0.02", "negative egress rate")]
    [InlineData("aws:us-east-1,aws:us-west-2,101", "above the limit")]
    [InlineData("aws:us-east-1,gcp:us-central1,0.09", "already given at line 3")]
    public void Import_EgressRuleBroken_ProblemOnTheRowsLine(string row, string message)
    {
        var text = $"# placement-prices v1\nfrom,to,usd_per_gb\naws:us-east-1,gcp:us-central1,0.12\n{row}\n";

        Imports.HasProblemAt(Imports.Text(text), 4, message);
    }

    [Theory]
    [InlineData("aws,us-east-1,p3.2xlarge,5", "not 0")]
    [InlineData("aws,us-east-9,p3.2xlarge,1", "unknown region")]
    [InlineData("aws,us-east-1,p4d.24xlarge,1", "already given at line 3")]
    public void Import_SpotBandRuleBroken_ProblemOnTheRowsLine(string row, string message)
    {
        var text = $"# placement-prices v1\ncloud,region,instance_type,band\naws,us-east-1,p4d.24xlarge,2\n{row}\n";

        Imports.HasProblemAt(Imports.Text(text), 4, message);
    }

    [Fact]
    public void Import_HeaderOnly_RejectedAsEmpty()
    {
        var result = Imports.Text(Prices);

        Imports.HasProblemAt(result, 0, "no prices");
    }

    [Fact]
    public void Validate_DataWithoutLines_ProblemsNameTheKeyOnLine0()
    {
        var candidate = new PriceCatalogData(
            [new PriceEntry(P3UsEast, Money.Of(2m)), new PriceEntry(P3UsEast, Money.Of(2.5m))], [], []);

        var problems = PriceImportValidator.Validate(candidate, active: null, new ImportValidationOptions());

        var problem = Assert.Single(problems);
        Assert.Equal(0, problem.Line);
        Assert.Contains("duplicate key aws:us-east-1/p3.2xlarge/on-demand", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateKeyWithLines_NamesBothLines()
    {
        var candidate = new PriceCatalogData(
            [new PriceEntry(P3UsEast, Money.Of(2m)), new PriceEntry(P3UsEast, Money.Of(2.5m))], [], []);

        var problems = PriceImportValidator.Validate(candidate, new LineMap([7, 9], [], []), active: null, new ImportValidationOptions());

        Assert.Equal(9, Assert.Single(problems).Line);
        Assert.Contains("already priced at line 7 at 2, here 2.5", problems[0].Message, StringComparison.Ordinal);
    }
}
