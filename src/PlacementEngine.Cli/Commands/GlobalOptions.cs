using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output;

namespace PlacementEngine.Cli.Commands;

/// <summary>
/// Options every command accepts. Precedence, highest first: the flag, then the environment
/// variable, then the default. An empty environment variable counts as unset.
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
        root.Add(Output);
        root.Add(Timeout);
    }

    public ConnectionSettings ResolveConnection(ParseResult result, Func<string, string?> environment)
    {
        var (server, source) = result.GetValue(Server) is { } flag
            ? (flag, "--server")
            : NonEmpty(environment(ServerVariable)) is { } fromEnvironment
                ? (fromEnvironment, ServerVariable)
                : (DefaultServer, "the default server");

        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"{source} '{server}' is not an http:// or https:// address, e.g. {DefaultServer}");
        }

        var token = NonEmpty(result.GetValue(Token)) ?? NonEmpty(environment(TokenVariable));
        var timeout = result.GetValue(Timeout);
        return new ConnectionSettings(
            address,
            token,
            TimeSpan.FromSeconds(timeout ?? DefaultTimeoutSeconds),
            timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
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
