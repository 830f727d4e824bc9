using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>Turns offsets of a parsed snippet into spans and text of the host document it was cut from.</summary>
internal readonly struct HostCoordinates(SourceText host, int start)
{
    public SourceText Host => host;

    public SourceSpan Span(int localStart, int localEnd) => host.Span(start + localStart, start + localEnd);

    public string Slice(int localStart, int localEnd) => host.Text.Substring(start + localStart, localEnd - localStart);

    public ReadOnlySpan<char> SliceSpan(int localStart, int localEnd) => host.Text.AsSpan(start + localStart, localEnd - localStart);
}
