using PlacementEngine.Grpc.Auth;

namespace PlacementEngine.Grpc.Tests.Auth;

public sealed class TokenFileTests
{
    private const string Valid = """
        tokens:
          - token: "dev-admin-token"
            team: platform
            role: admin
          - token: "dev-ml-research-token"
            team: ml-research
            role: submitter
        """;

    [Fact]
    public void Parse_ValidFile_MapsEachTokenToTeamAndRole()
    {
        var grants = TokenFile.Parse(Valid, "tokens.yaml");

        Assert.Equal(
            [
                new TokenGrant("dev-admin-token", new Caller("platform", CallerRole.Admin)),
                new TokenGrant("dev-ml-research-token", new Caller("ml-research", CallerRole.Submitter)),
            ],
            grants);
    }

    [Fact]
    public void Parse_RoleInCapitals_IsAccepted()
    {
        var grants = TokenFile.Parse("tokens:\n  - {token: t1, team: a, role: Admin}\n", "tokens.yaml");

        Assert.Equal(CallerRole.Admin, Assert.Single(grants).Caller.Role);
    }

    [Fact]
    public void Parse_MissingTeam_NamesEntryAndLine()
    {
        var ex = Assert.Throws<TokenFileException>(() => TokenFile.Parse("tokens:\n  - token: t1\n    role: admin\n", "tokens.yaml"));

        Assert.Equal(["entry 1 (line 2): team is required"], ex.Problems);
        Assert.Contains("tokens.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadRole_NamesTheRoleAndTheChoices()
    {
        var ex = Assert.Throws<TokenFileException>(() => TokenFile.Parse("tokens:\n  - {token: t1, team: a, role: root}\n", "tokens.yaml"));

        Assert.Equal(["entry 1 (line 2): role 'root' must be admin or submitter"], ex.Problems);
    }

    [Fact]
    public void Parse_DuplicateToken_NamesBothEntriesButNotTheToken()
    {
        const string yaml = """
            tokens:
              - {token: s3cret-value, team: a, role: admin}
              - {token: other, team: b, role: submitter}
              - {token: s3cret-value, team: c, role: submitter}
            """;

        var ex = Assert.Throws<TokenFileException>(() => TokenFile.Parse(yaml, "tokens.yaml"));

        Assert.Equal(["entry 3 (line 4): duplicate token, the same as entry 1"], ex.Problems);
        Assert.DoesNotContain("s3cret-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllAtOnce()
    {
        const string yaml = """
            tokens:
              - {token: t1, tem: a, role: admin}
              - {team: b, role: submitter}
              - {token: "has space", team: c}
            """;

        var ex = Assert.Throws<TokenFileException>(() => TokenFile.Parse(yaml, "tokens.yaml"));

        Assert.Equal(
            [
                "entry 1 (line 2): unknown key 'tem' (expected token, team, role)",
                "entry 1 (line 2): team is required",
                "entry 2 (line 3): token is required",
                "entry 3 (line 4): token must be printable ASCII without spaces, as HTTP headers carry it",
                "entry 3 (line 4): role is required (admin or submitter)",
            ],
            ex.Problems);
    }

    [Theory]
    [InlineData("", "expected a mapping with a 'tokens' list at the top")]
    [InlineData("- a\n- b\n", "expected a mapping with a 'tokens' list at the top")]
    [InlineData("users: []\n", "line 1: unknown key 'users' (expected 'tokens')")]
    [InlineData("tokens: admin\n", "line 1: 'tokens' must be a list of entries with token, team and role")]
    [InlineData("tokens: []\n", "the 'tokens' list is empty: no caller could authenticate")]
    [InlineData("tokens:\n  - just-a-string\n", "entry 1 (line 2): expected a mapping with token, team and role")]
    public void Parse_WrongShape_SaysWhatWasExpected(string yaml, string problem)
    {
        var ex = Assert.Throws<TokenFileException>(() => TokenFile.Parse(yaml, "tokens.yaml"));

        Assert.Contains(problem, ex.Problems);
    }

    [Fact]
    public void Parse_NotYaml_NamesTheLine()
    {
        var ex = Assert.Throws<TokenFileException>(() => TokenFile.Parse("tokens:\n  - {token: t1, team: [a\n", "tokens.yaml"));

        Assert.StartsWith("line ", Assert.Single(ex.Problems), StringComparison.Ordinal);
        Assert.Contains("not valid YAML", ex.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotBeRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-tokens-{Guid.NewGuid():N}.yaml");

        var ex = Assert.Throws<TokenFileException>(() => TokenFile.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("cannot be read", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }
}
