using PlacementEngine.Kubernetes.KubeConfig;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Kubernetes.Tests.KubeConfig;

public sealed class ExecCredentialSourceTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task GetTokenAsync_TokenStillValid_RunsThePluginOnce()
    {
        var tokens = CountingPlugin(expires: "2026-01-05T10:00:00Z");

        var first = await tokens.GetTokenAsync(CancellationToken.None);
        var second = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal(("secret-1", "secret-1"), (first, second));
    }

    [Fact]
    public async Task GetTokenAsync_TokenAboutToExpire_RunsThePluginAgain()
    {
        var tokens = CountingPlugin(expires: "2026-01-05T10:00:00Z");
        await tokens.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(59.75));
        var renewed = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("secret-2", renewed);
    }

    [Fact]
    public async Task GetTokenAsync_PluginFails_ThrowsWithItsErrorOutput()
    {
        PluginScripts.Write(_directory, "failing.sh", PluginScripts.Failing);
        var settings = Load("""
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./failing.sh
                  interactiveMode: Never
            """);

        var error = await Assert.ThrowsAsync<CredentialException>(() => settings.Token!.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.Contains("exited with 3: error: SSO session expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExecWithoutCommand_ThrowsNamingTheUser()
    {
        var error = Assert.Throws<KubeConfigException>(() => Load("""
                exec:
                  apiVersion: client.authentication.k8s.io/v1
            """));

        Assert.Contains("user 'tester' exec has no command", error.Message, StringComparison.Ordinal);
    }

    private ITokenSource CountingPlugin(string expires)
    {
        PluginScripts.Write(_directory, "token.sh", PluginScripts.CountingToken);
        return Load($"""
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./token.sh
                  interactiveMode: Never
                  env:
                  - name: PLUGIN_TOKEN
                    value: secret
                  - name: COUNT_FILE
                    value: {_directory.File("runs")}
                  - name: EXPIRES
                    value: "{expires}"
            """).Token!;
    }

    private KubeConnectionSettings Load(string userSection)
    {
        var yaml = $$"""
            clusters:
            - name: c
              cluster: { server: "https://10.0.0.1:6443" }
            users:
            - name: tester
              user:
            {{userSection}}
            contexts:
            - name: one
              context: { cluster: c, user: tester }
            current-context: one
            """;
        return KubeConfigLoader.Load(_directory.Write("config", yaml), null, _time);
    }
}
