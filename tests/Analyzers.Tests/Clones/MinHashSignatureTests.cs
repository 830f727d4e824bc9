using Consolidate.Analyzers.Clones;

namespace Consolidate.Analyzers.Tests.Clones;

public sealed class MinHashSignatureTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(300)]
    [InlineData(5000)]
    public void The_signature_of_tokens_is_the_signature_of_their_5_grams(int length)
    {
        var random = new Random(length);
        var tokens = Enumerable.Range(0, length).Select(_ => (ulong)random.Next(40)).ToArray();

        var expected = MinHashSignature.Compute(TokenTiling.Grams(tokens));
        var actual = MinHashSignature.OfTokens(tokens);

        Assert.Equal(expected, actual);
        Assert.Equal(length < TokenTiling.MinimumMatch, actual is null);
    }
}
