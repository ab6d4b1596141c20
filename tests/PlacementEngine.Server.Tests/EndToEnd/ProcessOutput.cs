using System.Diagnostics;
using System.Text;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>What a child process printed on stdout and stderr, collected as it arrives, for failure messages.</summary>
internal sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    /// <summary>Collects both streams of <paramref name="process"/>; call before reading them begins.</summary>
    public void Follow(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
