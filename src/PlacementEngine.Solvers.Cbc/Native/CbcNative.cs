using System.Runtime.InteropServices;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>
/// The few entry points of CBC's C interface (Cbc_C_Interface.h, CBC 2.10) that the solver uses.
/// C <c>char</c> arguments are single bytes, hence <see cref="byte"/> for flags and senses.
/// </summary>
internal static partial class CbcNative
{
    /// <summary>The run-time library of the Debian package <see cref="DebianPackage"/>.</summary>
    public const string LibraryName = "libCbcSolver.so.3";

    public const string DebianPackage = "coinor-libcbc3";

    [LibraryImport(LibraryName)]
    public static partial CbcModelHandle Cbc_newModel();

    [LibraryImport(LibraryName)]
    public static partial void Cbc_deleteModel(IntPtr model);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Cbc_setParameter(CbcModelHandle model, string name, string value);

    [LibraryImport(LibraryName)]
    public static partial void Cbc_setObjSense(CbcModelHandle model, double sense);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Cbc_addCol(CbcModelHandle model, string name, double lowerBound, double upperBound, double objective, byte isInteger, int nonZeros, int[]? rows, double[]? coefficients);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Cbc_addRow(CbcModelHandle model, string name, int nonZeros, int[] columns, double[] coefficients, byte sense, double rightHandSide);

    [LibraryImport(LibraryName)]
    public static partial void Cbc_setMIPStartI(CbcModelHandle model, int count, int[] columns, double[] values);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_getNumCols(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_solve(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial IntPtr Cbc_getColSolution(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial double Cbc_getObjValue(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial double Cbc_getBestPossibleObjValue(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_isProvenOptimal(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_isProvenInfeasible(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_isAbandoned(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_isSecondsLimitReached(CbcModelHandle model);
}
