using System.CommandLine;
using PlacementEngine.Cli.Config;
using PlacementEngine.Cli.Output;

namespace PlacementEngine.Cli.Commands.Contexts;

/// <summary>"placectl config ...": named contexts (server, token file, CA) in the config file, as kubectl config does.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliContext context) => new("config", "Named contexts in the config file: which server, token file and CA to use")
    {
        GetContexts(context),
        CurrentContext(context),
        UseContext(context),
        SetContext(context),
    };

    private static Command GetContexts(CliContext context)
    {
        var command = new Command("get-contexts", "List the contexts; * marks the current one");
        command.SetAction(result => context.RunLocal(result, (location, stdout) =>
        {
            var config = ConfigFile.Load(location.Path, location.MustExist);
            var rows = config.Contexts
                .Select(c => (IReadOnlyList<string>)[c.Name == config.CurrentContext ? "*" : "", c.Name, Display.Text(c.Server ?? ""), Display.Text(c.TokenFile ?? ""), Display.Text(c.CertificateAuthority ?? "")])
                .ToList();
            new PlainRenderer().Render([new TableBlock(null, ["CURRENT", "NAME", "SERVER", "TOKEN-FILE", "CERTIFICATE-AUTHORITY"], rows)], stdout);
            return 0;
        }));
        return command;
    }

    private static Command CurrentContext(CliContext context)
    {
        var command = new Command("current-context", "Print the current context's name");
        command.SetAction(result => context.RunLocal(result, (location, stdout) =>
        {
            var current = ConfigFile.Load(location.Path, location.MustExist).CurrentContext
                ?? throw new ConfigException($"config file {location.Path} sets no current-context; choose one with: placectl config use-context NAME");
            stdout.WriteLine(TerminalText.Escape(current));
            return 0;
        }));
        return command;
    }

    private static Command UseContext(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "A context listed by config get-contexts" };
        var command = new Command("use-context", "Make a context the current one") { name };
        command.SetAction(result => context.RunLocal(result, (location, stdout) =>
        {
            var config = ConfigFile.Load(location.Path, location.MustExist);
            var wanted = result.GetValue(name)!;
            _ = config.Find(wanted) ?? throw new ConfigException(ActiveContext.Missing(wanted, "context", config, location.Path));
            ConfigFile.Save(config with { CurrentContext = wanted }, location.Path);
            stdout.WriteLine($"Switched to context \"{TerminalText.Escape(wanted)}\".");
            return 0;
        }));
        return command;
    }

    private static Command SetContext(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The context to create or change" };
        var tokenFile = new Option<string>("--token-file") { Description = "A file holding the bearer token", HelpName = "FILE" };
        var authority = new Option<string>("--certificate-authority") { Description = "A PEM file of the CA that signed the server's certificate", HelpName = "FILE" };
        var command = new Command("set-context", "Create a context or change the fields given (uses --server from the global options)")
        {
            name, tokenFile, authority,
        };
        command.SetAction(result => context.RunLocal(result, (location, stdout) =>
        {
            var config = ConfigFile.Load(location.Path, mustExist: false);
            var contextName = result.GetValue(name)!;
            var old = config.Find(contextName) ?? new ContextEntry(contextName, null, null, null);
            var server = result.GetValue(context.Options.Server);
            if (server is not null)
            {
                GlobalOptions.ParseServer(server, "--server");
            }

            var entry = old with
            {
                Server = server ?? old.Server,
                // Stored absolute: a relative path typed here means the current folder, not the config file's.
                TokenFile = result.GetValue(tokenFile) is { } token ? Path.GetFullPath(token) : old.TokenFile,
                CertificateAuthority = result.GetValue(authority) is { } ca ? Path.GetFullPath(ca) : old.CertificateAuthority,
            };
            var updated = config.With(entry);
            ConfigFile.Save(updated.CurrentContext is null ? updated with { CurrentContext = contextName } : updated, location.Path);
            stdout.WriteLine($"Context \"{TerminalText.Escape(contextName)}\" {(config.Find(contextName) is null ? "created" : "modified")} in {location.Path}.");
            return 0;
        }));
        return command;
    }
}
