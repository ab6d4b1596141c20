namespace PlacementEngine.Cli.Output;

internal interface IBlockRenderer
{
    void Render(IReadOnlyList<Block> blocks, TextWriter writer);
}
