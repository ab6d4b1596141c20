using PlacementEngine.Server.Hosting;

return await PlacementServer.RunAsync(args).ConfigureAwait(false);
