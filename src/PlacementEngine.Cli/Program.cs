using PlacementEngine.Cli;
using PlacementEngine.Cli.Commands;

return await PlacectlApp.RunAsync(args, CliHost.ForConsole());
