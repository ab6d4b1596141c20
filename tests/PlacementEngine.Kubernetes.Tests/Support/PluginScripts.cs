using PlacementEngine.TestKit.Kubernetes;

namespace PlacementEngine.Kubernetes.Tests.Support;

/// <summary>Credential plugins for tests: small shell scripts that answer like aws eks get-token does.</summary>
public static class PluginScripts
{
    /// <summary>Prints an ExecCredential whose token is $PLUGIN_TOKEN plus the number of runs so far (counted in $COUNT_FILE).</summary>
    public const string CountingToken = """
        #!/bin/sh
        echo run >> "$COUNT_FILE"
        runs=$(wc -l < "$COUNT_FILE" | tr -d ' ')
        printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s-%s","expirationTimestamp":"%s"}}\n' "$PLUGIN_TOKEN" "$runs" "$EXPIRES"
        """;

    /// <summary>Prints an ExecCredential with the token given as its first argument.</summary>
    public const string FixedToken = """
        #!/bin/sh
        printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}\n' "$1"
        """;

    public const string Failing = """
        #!/bin/sh
        echo "error: SSO session expired" >&2
        exit 3
        """;

    public static string Write(TempDirectory directory, string name, string script)
    {
        var path = directory.Write(name, script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }
}
