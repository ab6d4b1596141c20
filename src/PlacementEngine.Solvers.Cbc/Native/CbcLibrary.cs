using System.Runtime.InteropServices;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>
/// Checks once that CBC's native library loads, so a machine without it gets an exception that names the
/// package to install instead of a bare <see cref="DllNotFoundException"/> in the middle of a solve.
/// </summary>
internal static class CbcLibrary
{
    private static readonly Lazy<Exception?> LoadFailure = new(() => TryLoad(CbcNative.LibraryName));

    public static bool IsAvailable => LoadFailure.Value is null;

    public static void EnsureAvailable()
    {
        if (LoadFailure.Value is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The seam tests use to see the message for a library that is not there.</summary>
    internal static Exception? TryLoad(string libraryName) =>
        NativeLibrary.TryLoad(libraryName, out _) ? null : new CbcUnavailableException(libraryName, CbcNative.DebianPackage);
}
