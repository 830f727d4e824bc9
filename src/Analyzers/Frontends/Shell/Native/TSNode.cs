using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>tree-sitter's <c>TSNode</c>, passed by value: <c>uint32_t context[4]; const void *id; const TSTree *tree;</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TSNode
{
    public uint Context0;
    public uint Context1;
    public uint Context2;
    public uint Context3;
    public nint Id;
    public nint Tree;
}
