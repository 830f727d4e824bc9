using Microsoft.Win32.SafeHandles;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>Owns a <c>TSTree*</c>; null when a parse was cancelled.</summary>
internal sealed class TreeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TreeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        TreeSitterApi.ts_tree_delete(handle);
        return true;
    }
}
