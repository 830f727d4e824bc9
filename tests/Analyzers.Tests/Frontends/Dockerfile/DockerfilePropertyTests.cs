using System.Text;
using Consolidate.Analyzers.Model;
using CsCheck;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfilePropertyTests
{
    /// <summary>Pieces of Dockerfile syntax, so random texts hit continuations, heredocs, JSON and directives often.</summary>
    private static readonly string[] Fragments =
    [
        "FROM ", "RUN ", "COPY ", "CMD ", "ENTRYPOINT ", "ONBUILD ", "HEALTHCHECK CMD ", "SHELL [\"pwsh\"]\n", "ARG ", "USER ",
        "alpine", " AS ", "x", " ", "\t", "\n", "\r\n", "\r", "\\\n", "\\", "`\n", "`", "# escape=`\n", "# syntax=a\n", "# c\n",
        "<<EOF", "<<-EOF", "<<'EOF'", "\nEOF\n", "\tEOF\n", "[\"a\", \"b\"]", "[", "]", ",", "\"", "'", "${X", "}", "$Y", "--mount=",
        "--from=", "--", "=", "#!", "\0", "\ud800", "é",
    ];

    private static readonly Gen<string> Fragmented =
        Gen.Int[0, Fragments.Length - 1].Array[0, 60].Select(indexes => string.Concat(indexes.Select(i => Fragments[i])));

    private static readonly Gen<string> Chars =
        Gen.Char["FROMRUNAS \\`\n\r\t#<>\"'[]{}$=-EOF,:x\0"].Array[0, 300].Select(chars => new string(chars));

    [Fact]
    public void Random_texts_never_throw_and_stay_well_formed()
    {
        Gen.OneOf(Fragmented, Chars, Gen.String).Sample(Check, iter: 3000);
    }

    [Fact]
    public void Mutated_corpus_files_never_throw_and_stay_well_formed()
    {
        var files = DockerfileCorpus.Names().Select(DockerfileCorpus.Read).ToArray();
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, 40], Gen.Int[0, Fragments.Length - 1]);
        var gen = Gen.Select(Gen.Int[0, files.Length - 1], edit.Array[1, 8], (file, edits) => Mutate(files[file], edits));

        gen.Sample(Check, iter: 600);
    }

    private static string Mutate(string text, (int Op, int At, int Length, int Fragment)[] edits)
    {
        var builder = new StringBuilder(text);
        foreach (var (op, at, length, fragment) in edits)
        {
            var position = builder.Length == 0 ? 0 : at % builder.Length;
            switch (op)
            {
                case 0:
                    builder.Remove(position, Math.Min(length, builder.Length - position));
                    break;
                case 1:
                    builder.Insert(position, Fragments[fragment]);
                    break;
                default:
                    builder.Insert(position, builder.ToString(position, Math.Min(length, builder.Length - position)));
                    break;
            }
        }

        return builder.ToString();
    }

    private static void Check(string text)
    {
        var parsed = DockerfileAssert.Parse(text, new RecordingShellParser { WordTokens = true });
        Assert.IsType<DockerfileFacts>(parsed.Facts);
        Assert.Equal(text.Length, parsed.Root.Span.Length);
    }
}
