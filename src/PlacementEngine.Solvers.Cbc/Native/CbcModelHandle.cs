using Microsoft.Win32.SafeHandles;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>Owns one Cbc_Model; the runtime frees it exactly once, even when a solve throws.</summary>
internal sealed class CbcModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CbcModelHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        CbcNative.Cbc_deleteModel(handle);
        return true;
    }
}
