namespace PlacementEngine.Cli.JobFiles;

/// <summary>
/// A job file that cannot become a JobSpec. The message reads like a compiler diagnostic
/// ("job.yaml:12:5: worker.gpus: expected an integer") so editors and CI logs can jump to it.
/// </summary>
internal sealed class JobFileException : Exception
{
    public JobFileException(string fileName, string problem)
        : base($"{fileName}: {problem}")
    {
        FileName = fileName;
        Problem = problem;
    }

    public JobFileException(string fileName, int line, int column, string field, string problem)
        : base(string.IsNullOrEmpty(field)
            ? $"{fileName}:{line}:{column}: {problem}"
            : $"{fileName}:{line}:{column}: {field}: {problem}")
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
    }

    public string FileName { get; }

    /// <summary>1-based line of the offending node; null when the problem is the file as a whole.</summary>
    public int? Line { get; }

    public int? Column { get; }

    /// <summary>Dotted path of the field, e.g. "worker.gpus"; empty for the document itself.</summary>
    public string Field { get; } = "";

    public string Problem { get; }
}
