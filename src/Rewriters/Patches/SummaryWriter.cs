using System.Text;

namespace Consolidate.Rewriters.Patches;

/// <summary>SUMMARY.md: the patch set as a pull-request description.</summary>
public static class SummaryWriter
{
    public static byte[] Write(PatchSet set)
    {
        var b = new StringBuilder();
        b.Append("# consolidate-analyze fix: ").Append(set.Patches.Length).Append(" patch(es) for `").Append(set.Repo).Append("`\n\n");
        b.Append("Apply in order from the repository root with `git apply NN-family.patch` (or `patch -p1 < NN-family.patch`).\n");
        b.Append("Every patch was applied to a scratch copy first, every touched file re-parsed and every reference resolved again.\n\n");
        foreach (var patch in set.Patches)
        {
            b.Append("## ").Append(patch.FileName).Append("\n\n");
            b.Append(patch.Summary).Append(" (").Append(string.Join(", ", patch.RuleIds)).Append(")\n\n");
            b.Append("Files:\n\n");
            foreach (var file in patch.Files)
                b.Append("- `").Append(file).Append("`\n");
            b.Append("\nChecks:\n\n");
            foreach (var check in patch.Checks)
                b.Append("- ").Append(check.Passed ? "passed" : "FAILED").Append(" **").Append(check.Name).Append("**: ").Append(check.Detail).Append('\n');
            b.Append('\n');
        }

        b.Append("## Refused\n\n");
        if (set.Refused.IsEmpty)
            b.Append("Nothing was refused.\n\n");
        else
        {
            b.Append("| family | where | why |\n| --- | --- | --- |\n");
            foreach (var r in set.Refused)
                b.Append("| ").Append(r.Family).Append(" | `").Append(r.Path).Append(':').Append(r.Line).Append("` | ").Append(r.Reason.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            b.Append('\n');
        }

        b.Append("## Metrics\n\n| | before | after |\n| --- | --- | --- |\n");
        Row(b, "files", set.Before.Files, set.After.Files);
        Row(b, "Dockerfiles", set.Before.Dockerfiles, set.After.Dockerfiles);
        Row(b, "scripts", set.Before.Scripts, set.After.Scripts);
        Row(b, "duplicate clusters", set.Before.Clusters, set.After.Clusters);
        Row(b, "findings", set.Before.Findings, set.After.Findings);
        Row(b, "dangling references", set.Before.DanglingReferences, set.After.DanglingReferences);
        foreach (var rule in set.Before.FindingsByRule.Keys.Union(set.After.FindingsByRule.Keys).Order(StringComparer.Ordinal))
            Row(b, rule, set.Before.Of(rule), set.After.Of(rule));
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    private static void Row(StringBuilder b, string name, int before, int after) =>
        b.Append("| ").Append(name).Append(" | ").Append(before).Append(" | ").Append(after).Append(" |\n");
}
