namespace PlacementEngine.Grpc.Auth;

/// <summary>The tokens file cannot be used; <see cref="Exception.Message"/> lists every problem with its line.</summary>
public sealed class TokenFileException : Exception
{
    public TokenFileException(string source, IReadOnlyList<string> problems)
        : base($"tokens file {source} is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
