using System.Text;
using Grpc.Core;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>The error a rejected import ends with: INVALID_ARGUMENT, one problem per line with its line number, first lines first.</summary>
internal static class PriceFileRejection
{
    public static RpcException ToError(ImportRejection rejection, string fileName)
    {
        var count = Math.Max(rejection.ProblemCount, rejection.Problems.Count);
        var text = new StringBuilder($"the price file {fileName} was rejected and nothing changed: {count} {Problems(count)}");
        foreach (var problem in rejection.Problems)
        {
            var where = problem.Line > 0 ? $"line {problem.Line}" : "line 0 (whole file)";
            text.Append($"\n{where}: {Printable(problem.Message)}");
        }
        var unlisted = count - rejection.Problems.Count;
        if (unlisted > 0)
        {
            text.Append($"\n... and {unlisted} more {Problems(unlisted)}");
        }
        return new RpcException(new Status(StatusCode.InvalidArgument, text.ToString()));
    }

    private static string Problems(int count) => count == 1 ? "problem" : "problems";

    /// <summary>Problems quote the file, which may hold anything: control characters would garble the terminal.</summary>
    private static string Printable(string message) => new(message.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
