namespace PlacementEngine.Solvers.Cbc;

/// <summary>CBC's native library cannot be loaded on this machine: broken infrastructure, not a placement outcome.</summary>
public sealed class CbcUnavailableException(string libraryName, string debianPackage)
    : Exception($"The exact solver needs COIN-OR CBC's C library {libraryName}, which could not be loaded. " +
        $"Install the Debian package {debianPackage} (apt-get install -y {debianPackage}) or choose the fast solver.")
{
    public string LibraryName { get; } = libraryName;

    public string DebianPackage { get; } = debianPackage;
}
