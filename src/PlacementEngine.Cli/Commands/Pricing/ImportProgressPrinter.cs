using System.Globalization;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>
/// Progress of an import on stderr, one line per step of <see cref="StepPercent"/> percent in each phase (uploading,
/// validating, storing), so a large import shows it is moving without flooding a CI log. The upload and the
/// server's reports arrive on different threads and may interleave, so each phase keeps its own step.
/// </summary>
internal sealed class ImportProgressPrinter(TextWriter stderr, string fileName)
{
    public const int StepPercent = 25;

    private readonly Dictionary<string, int> _lastStep = [];
    private readonly Lock _lock = new();

    public void Uploaded(long sent, long total)
    {
        WriteIfAdvanced("uploading", sent, total, () => $"uploading {fileName}: {Size(sent)} of {Size(total)} ({Percent(sent, total)}%)");
    }

    public void Server(ImportProgress progress)
    {
        if (progress.Phase == "storing")
        {
            WriteIfAdvanced("storing", 1, 1, () => "storing the new price book version");
            return;
        }
        WriteIfAdvanced("validating", progress.BytesRead, progress.TotalBytes, () =>
            $"validating: {progress.RowsRead.ToString("N0", CultureInfo.InvariantCulture)} rows read ({Percent(progress.BytesRead, progress.TotalBytes)}%)");
    }

    /// <summary>Writes the first report of a phase, and each one that passes another step.</summary>
    private void WriteIfAdvanced(string phase, long done, long total, Func<string> line)
    {
        var step = Percent(done, total) / StepPercent;
        lock (_lock)
        {
            if (_lastStep.TryGetValue(phase, out var last) && step <= last)
            {
                return;
            }
            _lastStep[phase] = step;
            stderr.WriteLine(line());
        }
    }

    private static int Percent(long done, long total) => total <= 0 ? 100 : (int)Math.Clamp(done * 100 / total, 0, 100);

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
    };
}
