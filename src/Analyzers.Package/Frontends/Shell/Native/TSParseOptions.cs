using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary><c>TSParseOptions</c> for the analyzer package: the progress callback is a pointer made from a delegate.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TSParseOptions
{
    public nint Payload;
    public nint ProgressCallback;
}
