using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Grpc.Auth;

/// <summary>
/// Reads the tokens file:
/// <code>
/// tokens:
///   - token: "dev-admin-token"
///     team: platform
///     role: admin        # or submitter
/// </code>
/// Every problem is reported at once, with its line, and no token value ever appears in a message.
/// </summary>
public static class TokenFile
{
    private const string TokensKey = "tokens";
    private const string TokenKey = "token";
    private const string TeamKey = "team";
    private const string RoleKey = "role";

    public static IReadOnlyList<TokenGrant> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TokenFileException(path, [$"cannot be read: {ex.Message}"]);
        }
        return Parse(text, path);
    }

    /// <param name="source">Names the file in error messages.</param>
    public static IReadOnlyList<TokenGrant> Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new TokenFileException(source, [$"line {ex.Start.Line}: not valid YAML: {ex.Message}"]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new TokenFileException(source, ["expected a mapping with a 'tokens' list at the top"]);
        }

        var problems = new List<string>();
        YamlSequenceNode? entries = null;
        foreach (var (key, value) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name != TokensKey)
            {
                problems.Add($"line {key.Start.Line}: unknown key '{name}' (expected '{TokensKey}')");
            }
            else if (value is YamlSequenceNode sequence)
            {
                entries = sequence;
            }
            else
            {
                problems.Add($"line {value.Start.Line}: '{TokensKey}' must be a list of entries with token, team and role");
            }
        }
        if (entries is null)
        {
            problems.Add($"no '{TokensKey}' list");
            throw new TokenFileException(source, problems);
        }

        var grants = new List<TokenGrant>();
        var firstEntryByToken = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Children.Count; i++)
        {
            var number = i + 1;
            if (ParseEntry(entries.Children[i], number, problems) is not { } grant)
            {
                continue;
            }
            if (firstEntryByToken.TryGetValue(grant.Token, out var first))
            {
                problems.Add($"entry {number} (line {entries.Children[i].Start.Line}): duplicate token, the same as entry {first}");
                continue;
            }
            firstEntryByToken[grant.Token] = number;
            grants.Add(grant);
        }
        if (entries.Children.Count == 0)
        {
            problems.Add($"the '{TokensKey}' list is empty: no caller could authenticate");
        }
        if (problems.Count > 0)
        {
            throw new TokenFileException(source, problems);
        }
        return grants;
    }

    private static TokenGrant? ParseEntry(YamlNode node, int number, List<string> problems)
    {
        var where = $"entry {number} (line {node.Start.Line})";
        if (node is not YamlMappingNode entry)
        {
            problems.Add($"{where}: expected a mapping with token, team and role");
            return null;
        }
        string? token = null, team = null, role = null;
        var before = problems.Count;
        foreach (var (key, value) in entry.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            var text = (value as YamlScalarNode)?.Value?.Trim();
            switch (name)
            {
                case TokenKey: token = text; break;
                case TeamKey: team = text; break;
                case RoleKey: role = text; break;
                default:
                    problems.Add($"{where}: unknown key '{name}' (expected {TokenKey}, {TeamKey}, {RoleKey})");
                    break;
            }
        }

        if (string.IsNullOrEmpty(token))
        {
            problems.Add($"{where}: token is required");
        }
        else if (token.Any(c => c is < '!' or > '~'))
        {
            problems.Add($"{where}: token must be printable ASCII without spaces, as HTTP headers carry it");
        }
        if (string.IsNullOrEmpty(team))
        {
            problems.Add($"{where}: team is required");
        }
        CallerRole parsedRole = default;
        if (string.IsNullOrEmpty(role))
        {
            problems.Add($"{where}: role is required (admin or submitter)");
        }
        else if (!TryParseRole(role, out parsedRole))
        {
            problems.Add($"{where}: role '{role}' must be admin or submitter");
        }
        return problems.Count == before ? new TokenGrant(token!, new Caller(team!, parsedRole)) : null;
    }

    private static bool TryParseRole(string text, out CallerRole role)
    {
        switch (text.ToLowerInvariant())
        {
            case "admin": role = CallerRole.Admin; return true;
            case "submitter": role = CallerRole.Submitter; return true;
            default: role = default; return false;
        }
    }
}
