using System.Globalization;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>
/// Progress of an import on stderr, one line per step of <see cref="StepPercent"/> percent in each phase (uploading,
/// validating, storing), so a large import shows it is moving without flooding a CI log.
/// </summary>
internal sealed class ImportProgressPrinter(TextWriter stderr, string fileName)
{
    public const int StepPercent = 25;

    private string _phase = "";
    private int _lastStep = -1;

    public void Uploaded(long sent, long total)
    {
        if (Advanced("uploading", sent, total))
        {
            stderr.WriteLine($"uploading {fileName}: {Size(sent)} of {Size(total)} ({Percent(sent, total)}%)");
        }
    }

    public void Server(ImportProgress progress)
    {
        if (progress.Phase == "storing")
        {
            if (Advanced("storing", 1, 1))
            {
                stderr.WriteLine("storing the new price book version");
            }
            return;
        }
        if (Advanced("validating", progress.BytesRead, progress.TotalBytes))
        {
            var rows = progress.RowsRead.ToString("N0", CultureInfo.InvariantCulture);
            stderr.WriteLine($"validating: {rows} rows read ({Percent(progress.BytesRead, progress.TotalBytes)}%)");
        }
    }

    /// <summary>True for the first report of a phase, and whenever it passes another step.</summary>
    private bool Advanced(string phase, long done, long total)
    {
        var step = Percent(done, total) / StepPercent;
        if (phase == _phase && step <= _lastStep)
        {
            return false;
        }
        _phase = phase;
        _lastStep = step;
        return true;
    }

    private static int Percent(long done, long total) => total <= 0 ? 100 : (int)Math.Clamp(done * 100 / total, 0, 100);

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
    };
}
