using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Caching;

/// <summary>
/// Field-by-field comparison of model values through their public properties: records compare arrays by reference,
/// which says nothing about a value read back from the cache. Default and empty arrays are told apart.
/// </summary>
internal static class DeepEquality
{
    public static void AssertEqual(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }

        var type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: expected a {type.Name}, got a {actual.GetType().Name}");
        if (type.IsPrimitive || type.IsEnum || expected is string || expected is SourceSpan)
        {
            Assert.True(Equals(expected, actual), $"{path}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var isDefault = type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!;
            var expectedDefault = (bool)isDefault.GetValue(expected)!;
            Assert.True(expectedDefault == (bool)isDefault.GetValue(actual)!, $"{path}: default array expected: {expectedDefault}");
            if (expectedDefault)
                return;
        }

        if (expected is IDictionary expectedMap)
        {
            var actualMap = (IDictionary)actual;
            Assert.True(expectedMap.Count == actualMap.Count, $"{path}: {expectedMap.Count} entries expected, got {actualMap.Count}");
            foreach (DictionaryEntry entry in expectedMap)
                AssertEqual(entry.Value, actualMap[entry.Key], $"{path}[{entry.Key}]");
            return;
        }

        if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: {left.Count} items expected, got {right.Count}");
            for (var i = 0; i < left.Count; i++)
                AssertEqual(left[i], right[i], $"{path}[{i}]");
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
                continue;
            AssertEqual(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }

    private static string Show(object? value) => value is null ? "null" : $"'{value}'";
}
