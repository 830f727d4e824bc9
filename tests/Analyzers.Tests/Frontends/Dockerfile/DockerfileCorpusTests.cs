using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfileCorpusTests
{
    public static TheoryData<string> Files() => new(DockerfileCorpus.Names());

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_file_parses_with_no_issues(string name)
    {
        var shell = new RecordingShellParser();
        var text = DockerfileCorpus.Read(name);

        var parsed = DockerfileAssert.Parse(text, shell);

        Assert.Empty(parsed.Issues);
        Assert.False(parsed.Failed);
        var facts = Assert.IsType<DockerfileFacts>(parsed.Facts);
        Assert.NotEmpty(facts.Stages);
        Assert.All(shell.Calls, call => Assert.True(call.Start + call.Snippet.Length <= text.Length));
    }

    [Fact]
    public void Corpus_shell_bodies_reach_the_shell_parser()
    {
        var calls = 0;
        foreach (var name in DockerfileCorpus.Names())
        {
            var shell = new RecordingShellParser();
            DockerfileAssert.Parse(DockerfileCorpus.Read(name), shell);
            calls += shell.Calls.Count;
        }

        Assert.True(calls >= 40, $"only {calls} shell bodies were handed over");
    }

    [Fact]
    public void Corpus_has_ten_to_fifteen_files()
    {
        Assert.InRange(DockerfileCorpus.Names().Count(), 10, 15);
    }
}
