namespace System.Buffers;

/// <summary>
/// The part of .NET 8's <c>SearchValues</c> the engine uses (a set of chars searched in a span), for its netstandard2.0
/// build in the analyzer package. Only the analyzer package compiles this file.
/// </summary>
internal static class SearchValues
{
    public static SearchValues<char> Create(string values) => new(values);
}

/// <summary>A set of chars (see <see cref="SearchValues"/>).</summary>
internal sealed class SearchValues<T>
    where T : IEquatable<T>
{
    private readonly string values;

    internal SearchValues(string values) => this.values = values;

    public bool Contains(char value) => values.IndexOf(value) >= 0;
}
