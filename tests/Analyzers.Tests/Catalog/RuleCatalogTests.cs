using System.Reflection;
using System.Text.RegularExpressions;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Rules;

namespace Consolidate.Analyzers.Tests.Catalog;

/// <summary>Every rule has a unique id and name, one class, a docs page, a derived help link and tests that name it.</summary>
public sealed partial class RuleCatalogTests
{
    public static TheoryData<string> RuleIds => new(RuleCatalog.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_complete(string id)
    {
        var rule = RuleCatalog.All.Single(r => r.Id == id);

        Assert.Matches(IdPattern(), rule.Id);
        Assert.Matches(NamePattern(), rule.Name);
        Assert.Single(RuleCatalog.All, r => r.Name == rule.Name);
        Assert.Equal(RuleCatalog.HelpBase + id + ".md", rule.HelpUri);
        Assert.True(File.Exists(Path.Combine(RepoRoot, "docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
        var doc = File.ReadAllText(Path.Combine(RepoRoot, "docs", "rules", id + ".md"));
        Assert.StartsWith($"# {id} {rule.Name}\n", doc, StringComparison.Ordinal);

        var classes = RuleSet.All.Where(r => r.Descriptor.Id == id).ToList();
        var single = Assert.Single(classes);
        Assert.StartsWith(id, single.GetType().Name, StringComparison.Ordinal);

        var tests = typeof(RuleCatalogTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes<TraitAttribute>().Any())
            .Where(m => m.CustomAttributes.Any(a => a.AttributeType == typeof(TraitAttribute)
                && a.ConstructorArguments.Count == 2
                && (string?)a.ConstructorArguments[0].Value == "Rule"
                && (string?)a.ConstructorArguments[1].Value == id))
            .ToList();
        Assert.True(tests.Count >= 2, $"{id} needs a reported and a clean test with [Trait(\"Rule\", \"{id}\")], found {tests.Count}");
    }

    [Fact]
    public void Ids_are_unique_and_every_rule_class_is_catalogued()
    {
        Assert.Equal(RuleCatalog.All.Length, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        Assert.All(RuleSet.All, r => Assert.Contains(r.Descriptor, RuleCatalog.All));
        Assert.Equal(RuleCatalog.All.Length, RuleSet.All.Length);
    }

    [Fact]
    public void Docs_index_is_generated_from_the_catalog()
    {
        var path = Path.Combine(RepoRoot, "docs", "rules", "README.md");
        var expected = RuleIndexMarkdown.Render();
        if (Environment.GetEnvironmentVariable("CONSOLIDATE_BLESS") == "1")
            File.WriteAllText(path, expected);

        Assert.True(File.Exists(path), "docs/rules/README.md is missing: run with CONSOLIDATE_BLESS=1");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    internal static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Analyzers.sln not found");
    }

    [GeneratedRegex(@"^CONS\d{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z]+(-[a-z0-9]+)+$")]
    private static partial Regex NamePattern();
}
