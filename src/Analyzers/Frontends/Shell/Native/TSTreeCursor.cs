using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>tree-sitter's <c>TSTreeCursor</c>: <c>const void *tree; const void *id; uint32_t context[3];</c>. It owns native memory: delete it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TSTreeCursor
{
    public nint Tree;
    public nint Id;
    public uint Context0;
    public uint Context1;
    public uint Context2;
}
