using PlacementEngine.Solvers.Cbc;

namespace PlacementEngine.Solvers.Tests;

public sealed class CbcLibraryTests
{
    [Fact]
    public void TryLoad_LibraryMissing_NamesTheLibraryAndTheDebianPackageToInstall()
    {
        var failure = CbcLibrary.TryLoad("libCbcSolver-not-installed.so.0");

        var error = Assert.IsType<CbcUnavailableException>(failure);
        Assert.Equal("coinor-libcbc3", error.DebianPackage);
        Assert.Contains("libCbcSolver-not-installed.so.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y coinor-libcbc3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_InstalledLibrary_Succeeds() => Assert.Null(CbcLibrary.TryLoad(CbcNative.LibraryName));

    [Fact]
    public void IsAvailable_LibraryInstalled_IsTrue() => Assert.True(CbcSolver.IsAvailable);
}
