using System.Text;
using PlacementEngine.Grpc.Hosting;
using PlacementEngine.Pricing;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// A rejected import as the API tells it: the <c>rejected</c> event, and the INVALID_ARGUMENT message that ends the
/// call. The message lists one problem per line with its line number, first lines first.
/// The message travels in a header (grpc-message), which peers cap at a few KB, so it lists at most
/// <see cref="MaxListedProblems"/> problems within <see cref="MaxEncodedLength"/> and counts the rest.
/// </summary>
internal static class ImportProblemsMessage
{
    public const int MaxListedProblems = 100;
    public const int MaxProblemLength = 200;
    public const int MaxEncodedLength = 16 * 1024;

    public static string Describe(ImportResult result, string fileName)
    {
        var name = fileName.Length > 0 ? $"{fileName} " : "";
        var noun = result.ProblemCount == 1 ? "problem" : "problems";
        var text = new StringBuilder($"the price file {name}was rejected and nothing changed: {result.ProblemCount} {noun}");
        var budget = MaxEncodedLength - StatusMessageEncoding.Encode(text.ToString()).Length - 64;
        var listed = 0;
        foreach (var problem in result.Problems.Take(MaxListedProblems))
        {
            var line = "\n" + Clean(problem.ToString());
            var cost = StatusMessageEncoding.Encode(line).Length;
            if (cost > budget)
            {
                break;
            }
            text.Append(line);
            budget -= cost;
            listed++;
        }
        if (result.ProblemCount > listed)
        {
            text.Append($"\n... and {result.ProblemCount - listed} more {(result.ProblemCount - listed == 1 ? "problem" : "problems")}");
        }
        return text.ToString();
    }

    /// <summary>The first <see cref="MaxListedProblems"/> problems with their lines, and how many there are in all.</summary>
    public static V1.ImportRejection ToRejection(ImportResult result) => new()
    {
        Problems = { result.Problems.Take(MaxListedProblems).Select(p => new V1.ImportProblem { Line = p.Line, Message = Clean(p.Message) }) },
        ProblemCount = result.ProblemCount,
    };

    /// <summary>Problems quote the file, which may hold anything: control characters would garble a terminal.</summary>
    private static string Clean(string problem)
    {
        var cleaned = new string(problem.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return cleaned.Length <= MaxProblemLength ? cleaned : cleaned[..(MaxProblemLength - 3)] + "...";
    }
}
