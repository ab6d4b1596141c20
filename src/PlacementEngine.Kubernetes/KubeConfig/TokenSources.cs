namespace PlacementEngine.Kubernetes.KubeConfig;

/// <summary>Supplies the bearer token for a request.</summary>
internal interface ITokenSource
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);
}

internal sealed class StaticTokenSource(string token) : ITokenSource
{
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
}

/// <summary>
/// A token kept in a file. Projected service-account tokens are rotated in place, so the file is read again
/// once <see cref="RefreshInterval"/> has passed, as kubectl does.
/// </summary>
internal sealed class FileTokenSource : ITokenSource
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private string _token;
    private DateTimeOffset _readAt;

    public FileTokenSource(string path, TimeProvider time)
    {
        _path = path;
        _time = time;
        _token = ReadToken(File.ReadAllText(path), path);
        _readAt = time.GetUtcNow();
    }

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _readAt >= RefreshInterval)
            {
                try
                {
                    _token = ReadToken(File.ReadAllText(_path), _path);
                    _readAt = now;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or KubeConfigException)
                {
                    // Mid-rotation the file can be briefly missing or empty; the previous token is still the
                    // best guess, and the next request tries the file again.
                }
            }
            return ValueTask.FromResult(_token);
        }
    }

    private static string ReadToken(string text, string path)
    {
        var token = text.Trim();
        return token.Length > 0 ? token : throw new KubeConfigException($"token file {path} is empty");
    }
}
