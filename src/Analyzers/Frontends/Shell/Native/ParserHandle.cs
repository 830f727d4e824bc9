using Microsoft.Win32.SafeHandles;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>Owns a <c>TSParser*</c>.</summary>
internal sealed class ParserHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ParserHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        TreeSitterApi.ts_parser_delete(handle);
        return true;
    }
}
