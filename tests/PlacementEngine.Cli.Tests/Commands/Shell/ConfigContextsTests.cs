using PlacementEngine.Cli.Commands;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;

namespace PlacementEngine.Cli.Tests.Commands.Shell;

/// <summary>Named contexts in the config file, as kubectl users expect them: where the file is, what wins, and safe writes.</summary>
public sealed class ConfigContextsTests : IDisposable
{
    private readonly Placectl _placectl = new();
    private readonly TemporaryDirectory _directory = new();

    public ConfigContextsTests() => _placectl.Environment["PLACECTL_CONFIG"] = ConfigPath;

    private string ConfigPath => _directory.File("config.yaml");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SetContext_ThenUseContext_FileRoundTripsAndListsTheCurrentOne()
    {
        await _placectl.RunAsync("config", "set-context", "prod", "--server", "https://prod.example:8443", "--token-file", "/secrets/prod.token");
        await _placectl.RunAsync("config", "set-context", "dev", "--server", "http://127.0.0.1:50051");

        var switched = await _placectl.RunAsync("config", "use-context", "dev");
        var current = await _placectl.RunAsync("config", "current-context");
        var list = await _placectl.RunAsync("config", "get-contexts");

        Assert.Equal(0, switched.ExitCode);
        Assert.Equal("dev\n", current.Stdout);
        Assert.Equal(
            "CURRENT   NAME   SERVER                      TOKEN-FILE            CERTIFICATE-AUTHORITY\n" +
            "          prod   https://prod.example:8443   /secrets/prod.token   -\n" +
            "*         dev    http://127.0.0.1:50051      -                     -\n",
            list.Stdout);
    }

    [Fact]
    public async Task AnyCommand_CurrentContext_GivesServerAndTokenFromItsFileRelativeToTheConfig()
    {
        WriteConfig("current-context: prod\ncontexts:\n  - name: prod\n    server: https://prod.example:8443\n    token-file: secrets/prod.token\n");
        Directory.CreateDirectory(_directory.File("secrets"));
        File.WriteAllText(Path.Combine(_directory.Path, "secrets", "prod.token"), "prod-token\n");

        var result = await _placectl.RunAsync("clusters", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new Uri("https://prod.example:8443"), _placectl.Connection!.Server);
        Assert.Equal("prod-token", _placectl.Connection.BearerToken);
    }

    [Fact]
    public async Task AnyCommand_FlagThenEnvironmentThenContext_TheHighestSetWins()
    {
        WriteConfig("current-context: prod\ncontexts:\n  - name: prod\n    server: https://prod.example:8443\n    token-file: prod.token\n");
        File.WriteAllText(_directory.File("prod.token"), "context-token");
        _placectl.Environment[GlobalOptions.ServerVariable] = "http://from-env:1";
        _placectl.Environment[GlobalOptions.TokenVariable] = "env-token";

        await _placectl.RunAsync("clusters", "list", "--token", "flag-token");

        Assert.Equal(new Uri("http://from-env:1"), _placectl.Connection!.Server);
        Assert.Equal("flag-token", _placectl.Connection.BearerToken);
    }

    [Fact]
    public async Task AnyCommand_TokenGivenByFlag_ContextsMissingTokenFileIsNotRead()
    {
        WriteConfig("current-context: prod\ncontexts:\n  - name: prod\n    token-file: gone.token\n");

        var withFlag = await _placectl.RunAsync("clusters", "list", "--token", "flag-token");
        var without = await _placectl.RunAsync("clusters", "list");

        Assert.Equal(0, withFlag.ExitCode);
        Assert.Equal(ExitCodes.Usage, without.ExitCode);
        Assert.Equal($"error: context 'prod': token-file {Path.Combine(_directory.Path, "gone.token")} not found\n", without.Stderr);
    }

    [Fact]
    public async Task AnyCommand_ContextFlag_OverridesCurrentContext()
    {
        WriteConfig("current-context: prod\ncontexts:\n  - name: prod\n    server: https://prod.example:8443\n  - name: staging\n    server: https://staging.example:8443\n");

        await _placectl.RunAsync("clusters", "list", "--context", "staging");

        Assert.Equal(new Uri("https://staging.example:8443"), _placectl.Connection!.Server);
    }

    [Fact]
    public async Task AnyCommand_NoConfigVariable_ReadsXdgConfigHomeThenHome()
    {
        _placectl.Environment.Remove("PLACECTL_CONFIG");
        _placectl.Environment["HOME"] = _directory.File("home");
        var homeConfig = Path.Combine(_directory.Path, "home", ".config", "placectl", "config.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(homeConfig)!);
        File.WriteAllText(homeConfig, "current-context: home\ncontexts:\n  - name: home\n    server: http://home:1\n");

        await _placectl.RunAsync("clusters", "list");
        var fromHome = _placectl.Connection!.Server;
        _placectl.Environment["XDG_CONFIG_HOME"] = _directory.File("xdg");
        Directory.CreateDirectory(Path.Combine(_directory.Path, "xdg", "placectl"));
        File.WriteAllText(Path.Combine(_directory.Path, "xdg", "placectl", "config.yaml"), "current-context: xdg\ncontexts:\n  - name: xdg\n    server: http://xdg:2\n");
        await _placectl.RunAsync("clusters", "list");

        Assert.Equal(new Uri("http://home:1"), fromHome);
        Assert.Equal(new Uri("http://xdg:2"), _placectl.Connection!.Server);
    }

    [Fact]
    public async Task AnyCommand_ContextNotInFile_UsageErrorNamingTheFileTheContextsAndTheNearest()
    {
        WriteConfig("contexts:\n  - name: prod\n    server: https://prod.example:8443\n");

        var result = await _placectl.RunAsync("clusters", "list", "--context", "prdo");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(
            $"error: --context 'prdo' is not a context in config file {ConfigPath} (it has prod). Did you mean 'prod'? To add it: placectl config set-context prdo --server URL\n",
            result.Stderr);
        Assert.Empty(_placectl.Api.Requests);
    }

    [Fact]
    public async Task AnyCommand_MalformedConfig_UsageErrorWithTheLine()
    {
        WriteConfig("current-context: prod\ncontexts:\n  - name: prod\n    sever: https://prod.example:8443\n");

        var result = await _placectl.RunAsync("clusters", "list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith($"error: config file {ConfigPath} line 4: contexts[0].sever: unknown key 'sever'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_ConfigNamedByVariableMissing_UsageError()
    {
        var result = await _placectl.RunAsync("clusters", "list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal($"error: config file {ConfigPath} not found\n", result.Stderr);
    }

    [Fact]
    public async Task UseContext_Unknown_LeavesTheFileByteForByte()
    {
        const string original = "# hand-written\ncurrent-context: prod\ncontexts:\n  - name: prod\n";
        WriteConfig(original);

        var result = await _placectl.RunAsync("config", "use-context", "nope");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(original, File.ReadAllText(ConfigPath));
    }

    [Fact]
    public async Task SetContext_MalformedFile_RefusesAndLeavesItAlone()
    {
        const string original = "contexts: [unclosed\n";
        WriteConfig(original);

        var result = await _placectl.RunAsync("config", "set-context", "dev", "--server", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(original, File.ReadAllText(ConfigPath));
    }

    [Fact]
    public async Task SetContext_ExistingFile_ReplacedWholeByRenameSoAReaderNeverSeesHalfOfIt()
    {
        const string original = "current-context: prod\ncontexts:\n  - name: prod\n    server: https://prod.example:8443\n";
        WriteConfig(original);
        using var openedBefore = new StreamReader(ConfigPath);

        var result = await _placectl.RunAsync("config", "set-context", "prod", "--server", "https://new.example:9443");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(original, openedBefore.ReadToEnd());
        Assert.Contains("server: https://new.example:9443", File.ReadAllText(ConfigPath), StringComparison.Ordinal);
        Assert.Equal([ConfigPath], Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public async Task SetContext_RelativeTokenFile_StoredAbsoluteFromTheCurrentFolder()
    {
        await _placectl.RunAsync("config", "set-context", "dev", "--token-file", "dev.token");

        Assert.Contains($"token-file: {Path.GetFullPath("dev.token")}\n", File.ReadAllText(ConfigPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetContext_ServerNotHttp_UsageErrorAndNothingWritten()
    {
        var result = await _placectl.RunAsync("config", "set-context", "dev", "--server", "ftp://x");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.False(File.Exists(ConfigPath));
    }

    private void WriteConfig(string text) => File.WriteAllText(ConfigPath, text);
}
