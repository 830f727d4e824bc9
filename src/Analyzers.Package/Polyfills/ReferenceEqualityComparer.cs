using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>.NET 5's <c>ReferenceEqualityComparer</c> for the netstandard2.0 build of the engine. Only the analyzer package compiles this file.</summary>
internal sealed class ReferenceEqualityComparer : IEqualityComparer<object?>
{
    private ReferenceEqualityComparer()
    {
    }

    public static ReferenceEqualityComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object? obj) => RuntimeHelpers.GetHashCode(obj!);
}
