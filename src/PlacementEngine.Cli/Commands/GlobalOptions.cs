using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.Config;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output;

namespace PlacementEngine.Cli.Commands;

/// <summary>
/// Options every command accepts. Precedence, highest first: the flag, then the environment
/// variable, then the config file's context, then the default. An empty environment variable counts as unset.
/// </summary>
internal sealed class GlobalOptions
{
    public const string ServerVariable = "PLACEMENT_SERVER";
    public const string TokenVariable = "PLACEMENT_TOKEN";
    public const string DefaultServer = "http://127.0.0.1:50051";

    /// <summary>Long enough for a busy server, short enough that a hung call does not stall a pipeline.</summary>
    public const int DefaultTimeoutSeconds = 30;

    private static readonly string[] FormatNames = ["table", "json", "yaml"];

    public Option<string> Server { get; } = new("--server")
    {
        Description = $"Placement server address [env: {ServerVariable}] [default: {DefaultServer}]",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<string> Token { get; } = new("--token")
    {
        Description = $"Bearer token sent with every call [env: {TokenVariable}]",
        HelpName = "TOKEN",
        Recursive = true,
    };

    public Option<string> Config { get; } = new("--config")
    {
        Description = $"Config file with named contexts [env: {ConfigLocation.Variable}] [default: $XDG_CONFIG_HOME/placectl/config.yaml or ~/.config/placectl/config.yaml]",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<string> Context { get; } = new("--context")
    {
        Description = "The config file's context to use [default: its current-context]",
        HelpName = "NAME",
        Recursive = true,
    };

    public Option<string> Output { get; } = new Option<string>("--output", "-o")
    {
        Description = "Output format: table (for people), json or yaml (the full response, for scripts)",
        DefaultValueFactory = _ => "table",
        Recursive = true,
    }.AcceptOnlyFromAmong(FormatNames);

    public Option<int?> Timeout { get; } = new("--timeout")
    {
        Description = $"Deadline in seconds for each call [default: {DefaultTimeoutSeconds}; none for jobs watch]",
        HelpName = "SECONDS",
        Recursive = true,
        CustomParser = ParseTimeout,
    };

    public void AddTo(Command root)
    {
        root.Add(Server);
        root.Add(Token);
        root.Add(Config);
        root.Add(Context);
        root.Add(Output);
        root.Add(Timeout);
    }

    /// <summary>Where the config file is, from --config, $PLACECTL_CONFIG or the XDG default; null when there is no home to look in.</summary>
    public ConfigLocation? ResolveConfig(ParseResult result, Func<string, string?> environment) =>
        ConfigLocation.Resolve(result.GetValue(Config), environment);

    public ConnectionSettings ResolveConnection(ParseResult result, Func<string, string?> environment)
    {
        var context = ActiveContext.Resolve(ResolveConfig(result, environment), NonEmpty(result.GetValue(Context)), environment);
        var contextSource = $"context '{context?.Entry.Name}'";
        var (server, source) = result.GetValue(Server) is { } flag
            ? (flag, "--server")
            : NonEmpty(environment(ServerVariable)) is { } fromEnvironment
                ? (fromEnvironment, ServerVariable)
                : NonEmpty(context?.Entry.Server) is { } fromContext
                    ? (fromContext, $"{contextSource}'s server")
                    : (DefaultServer, "the default server");

        var address = ParseServer(server, source);

        var (token, tokenSource) = NonEmpty(result.GetValue(Token)) is { } tokenFlag
            ? (tokenFlag, "--token")
            : NonEmpty(environment(TokenVariable)) is { } tokenFromEnvironment
                ? (tokenFromEnvironment, TokenVariable)
                : (context?.ReadToken(), $"the token-file of {contextSource}");
        var timeout = result.GetValue(Timeout);
        return new ConnectionSettings(
            address,
            token,
            TimeSpan.FromSeconds(timeout ?? DefaultTimeoutSeconds),
            timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null)
        {
            TokenSource = token is null ? null : tokenSource,
            CertificateAuthority = context?.CertificateAuthority,
        };
    }

    /// <summary>The server address, or a usage error naming <paramref name="source"/> when it is not http(s).</summary>
    public static Uri ParseServer(string server, string source)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"{source} '{server}' is not an http:// or https:// address, e.g. {DefaultServer}");
        }

        return address;
    }

    public OutputFormat ResolveFormat(ParseResult result) => result.GetValue(Output) switch
    {
        "json" => OutputFormat.Json,
        "yaml" => OutputFormat.Yaml,
        _ => OutputFormat.Table,
    };

    private static int? ParseTimeout(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return seconds;
        }

        result.AddError($"--timeout must be a positive whole number of seconds, got '{text}'.");
        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
