using System.Text;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using CsCheck;

namespace Consolidate.Analyzers.Tests.Configuration;

/// <summary>
/// Random and mutated consolidate.yml, .editorconfig and .globalconfig texts: the readers never throw, every error
/// names the file, a line inside the text and a key, and a text either yields a configuration or errors, never both.
/// </summary>
public sealed class ConfigPropertyTests
{
    private const string ValidYaml =
        "terms:\n  - term: conceptual\n    replacement: theoretical\nmodules:\n  - canonical: agents/core/base_agent.py\n    duplicates: [backend/base_agent.py]\n" +
        "host:\n  memory: 16g\n  cpus: 8\nexclude:\n  - \"archive/**\"\ncanonical: [shared]\ninstallRoots: [/opt/app]\nlimits:\n  maxFileSize: 1m\n" +
        "rules:\n  CONS101: error\n";

    private const string ValidEditorConfig =
        "root = true\n\n[*]\ndotnet_diagnostic.CONS101.severity = error\n\n[scripts/**.sh]\ndotnet_analyzer_diagnostic.category-duplication.severity = none\n" +
        "# comment\n; other comment\n[{a,b}/*.{py,sh}]\ndotnet_analyzer_diagnostic.severity = suggestion\n";

    private static readonly string[] YamlFragments =
    [
        "terms:", "modules:", "host:", "exclude:", "canonical:", "installRoots:", "limits:", "rules:", "  - ", "term: ", "replacement: ",
        "memory: ", "cpus: ", "maxFileSize: ", "16g", "-1", "0", "1e309", "x", "..", "/", "\n", "\r\n", "\t", "  ", "[", "]", "{", "}", ",",
        ": ", "&a ", "*a", "<<: *a", "!!binary ", "|\n", ">-\n", "'", "\"", "#", "---\n", "...\n", "\0", "\ud800", "é", "~", "null", "CONS101",
    ];

    private static readonly string[] IniFragments =
    [
        "root = true", "is_global = true", "[", "]", "*", "**", "{", "}", ",", "..", "!", "[*.sh]", "[{a,b}]", "dotnet_diagnostic.", "CONS101",
        ".severity", " = ", "=", "error", "warning", "none", "silent", "bogus", "#", ";", "\n", "\r\n", "\t", " ", "\\", "\0", "\ud800", "é",
        "global_level = ", "-5",
    ];

    [Fact]
    public void Random_and_mutated_consolidate_yml_never_throws_and_errors_point_into_the_text()
    {
        var random = Gen.OneOf(Fragments(YamlFragments), Gen.String);
        var mutated = Mutations(ValidYaml, YamlFragments);
        Gen.OneOf(random, mutated).Sample(text =>
        {
            var (config, errors) = ConfigParser.Parse(text, "consolidate.yml");
            Assert.True(config is null != errors.IsEmpty, $"config and errors disagree for:\n{text}");
            foreach (var error in errors)
                AssertPointsInto(error, "consolidate.yml", text);
        }, iter: 3000);
    }

    [Fact]
    public void Random_and_mutated_editorconfig_never_throws_and_severities_stay_defined()
    {
        var random = Gen.OneOf(Fragments(IniFragments), Gen.String);
        var mutated = Mutations(ValidEditorConfig, IniFragments);
        var rule = Consolidate.Analyzers.Catalog.RuleCatalog.All[0];
        Gen.Select(Gen.OneOf(random, mutated), Gen.Bool).Sample((text, global) =>
        {
            var file = EditorConfigFile.Parse(global ? ".globalconfig" : "sub/.editorconfig", text, forceGlobal: global);
            foreach (var error in file.Errors)
                AssertPointsInto(error, global ? ".globalconfig" : "sub/.editorconfig", text);

            var policy = new SeverityPolicy("/repo", [("/repo/sub", file)]);
            var severity = policy.SeverityFor(rule, "sub/scripts/a b/x.sh");
            Assert.True(Enum.IsDefined(severity));
        }, iter: 3000);
    }

    private static void AssertPointsInto(ConfigError error, string file, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Length;
        Assert.Equal(file, error.File);
        Assert.InRange(error.Line, 1, Math.Max(1, lines) + 1);
        Assert.False(string.IsNullOrWhiteSpace(error.Key), error.ToString());
        Assert.False(string.IsNullOrWhiteSpace(error.Message), error.ToString());
    }

    private static Gen<string> Fragments(string[] fragments) =>
        Gen.Int[0, fragments.Length - 1].Array[0, 60].Select(indexes => string.Concat(indexes.Select(i => fragments[i])));

    private static Gen<string> Mutations(string valid, string[] fragments) =>
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, 20], Gen.Int[0, fragments.Length - 1]).Array[1, 6].Select(edits =>
        {
            var builder = new StringBuilder(valid);
            foreach (var (op, at, length, fragment) in edits)
            {
                var position = builder.Length == 0 ? 0 : at % builder.Length;
                if (op == 0)
                    builder.Remove(position, Math.Min(length, builder.Length - position));
                else if (op == 1)
                    builder.Insert(position, fragments[fragment]);
                else
                    builder.Insert(position, builder.ToString(position, Math.Min(length, builder.Length - position)));
            }

            return builder.ToString();
        });
}
