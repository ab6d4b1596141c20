using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>Collects problems instead of stopping at the first, so one run of the loader shows everything to fix.</summary>
internal sealed class ProblemLog(string source)
{
    private readonly List<FleetFileProblem> _problems = [];

    public bool Any => _problems.Count > 0;

    /// <summary>How many so far: a reader compares before and after an entry to know whether the entry is usable.</summary>
    public int Count => _problems.Count;

    public void Add(int line, string path, string message) => _problems.Add(new FleetFileProblem(source, line, path, message));

    public void Add(YamlNode node, string path, string message) => Add(LineOf(node), path, message);

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    /// <summary>In file order; problems found by cross-checks come after reading, so order them here.</summary>
    public FleetFileException ToException() => new(_problems.OrderBy(p => p.Line).ToList());
}
