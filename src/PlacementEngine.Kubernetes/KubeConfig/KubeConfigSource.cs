namespace PlacementEngine.Kubernetes.KubeConfig;

/// <summary>The kubeconfig file being read: names it in errors and resolves paths relative to it, as kubectl does.</summary>
internal sealed class KubeConfigSource(string path)
{
    private readonly string _directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";

    public string FilePath { get; } = path;

    public KubeConfigException Error(string problem, Exception? inner = null) =>
        inner is null
            ? new KubeConfigException($"kubeconfig {FilePath}: {problem}")
            : new KubeConfigException($"kubeconfig {FilePath}: {problem}", inner);

    public string Resolve(string file) => System.IO.Path.IsPathRooted(file) ? file : System.IO.Path.Combine(_directory, file);

    /// <summary>Inline base64 data wins over a file, as in kubectl; null when neither is given.</summary>
    public byte[]? ReadDataOrFile(string owner, string dataField, string? data, string fileField, string? file)
    {
        if (!string.IsNullOrWhiteSpace(data))
        {
            try
            {
                return Convert.FromBase64String(data.Trim());
            }
            catch (FormatException e)
            {
                throw Error($"{owner} {dataField} is not valid base64", e);
            }
        }
        if (!string.IsNullOrWhiteSpace(file))
        {
            var resolved = Resolve(file.Trim());
            try
            {
                return File.ReadAllBytes(resolved);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Error($"{owner} {fileField} {resolved} cannot be read: {e.Message}", e);
            }
        }
        return null;
    }
}
