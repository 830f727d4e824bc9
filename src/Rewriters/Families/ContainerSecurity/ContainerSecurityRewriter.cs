using System.Collections.Immutable;
using System.Text;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.ContainerSecurity;

/// <summary>
/// Container hardening. CONS101: a non-root user for a Dockerfile's final stage when <see cref="NonRootUser"/> finds it
/// safe (Safe), else shown only with the reason. CONS102: an untagged or <c>latest</c> FROM image pinned to the tag
/// consolidate.yml's <c>pins:</c> gives it (<see cref="BaseImagePin"/>, Safe), else refused. CONS103/CONS104/CONS105:
/// <c>privileged</c>, Docker socket mounts and host namespaces removed from compose files line by line
/// (<see cref="ComposeRemovals"/>), always Unsafe, each with what the service loses written in the patch text.
/// </summary>
public sealed class ContainerSecurityRewriter : IRewriter
{
    public const string Name = "container-security";

    public string Family => Name;

    public ImmutableArray<string> RuleIds { get; } = ["CONS101", "CONS102", "CONS103", "CONS104", "CONS105"];

    public ChangeSet Rewrite(FixContext context, CancellationToken cancellationToken)
    {
        var model = context.Model;
        var edits = new SortedDictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var refusals = new List<Refusal>();
        var users = new StringBuilder();
        var pins = new StringBuilder();
        var removals = new StringBuilder();
        var planner = new NonRootUser(model);

        foreach (var finding in context.FindingsOf("CONS101").OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = model.File(finding.Path);
            if (file is null)
                continue;
            var (edit, line, reason) = planner.Plan(file);
            if (edit is null)
            {
                refusals.Add(new Refusal(Name, finding.Path, line, $"shown only, never patched: no USER added to {finding.Path}: {reason}"));
                continue;
            }

            Add(edits, finding.Path, edit);
            users.Append("  ").Append(finding.Path).Append(": ").Append(edit.Note).Append('\n');
        }

        foreach (var finding in context.FindingsOf("CONS102").OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = model.File(finding.Path);
            if (file is null)
                continue;
            var (edit, reason) = BaseImagePin.Plan(file, finding.Line, context.Config.Pins);
            if (edit is null)
            {
                refusals.Add(new Refusal(Name, finding.Path, finding.Line, $"CONS102: {reason}"));
                continue;
            }

            if (!Add(edits, finding.Path, edit))
            {
                refusals.Add(new Refusal(Name, finding.Path, finding.Line, "CONS102: overlaps another change in the same lines; pin it by hand"));
                continue;
            }

            pins.Append("  ").Append(finding.Path).Append(':').Append(finding.Line).Append(": ").Append(edit.Note).Append('\n');
        }

        foreach (var finding in context.FindingsOf("CONS103", "CONS104", "CONS105").OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = model.File(finding.Path);
            if (file?.Text is null || file.Status != ParseStatus.Ok)
            {
                refusals.Add(new Refusal(Name, finding.Path, finding.Line, $"{finding.Rule.Id}: {finding.Path} did not parse cleanly, so its lines are not touched"));
                continue;
            }

            var (edit, problem) = ComposeRemovals.Plan(file, finding);
            if (edit is null)
            {
                refusals.Add(new Refusal(Name, finding.Path, finding.Line, $"{finding.Rule.Id}: {problem}"));
                continue;
            }

            if (!Add(edits, finding.Path, edit))
            {
                refusals.Add(new Refusal(Name, finding.Path, finding.Line, $"{finding.Rule.Id}: overlaps another removal in the same lines; edit it by hand"));
                continue;
            }

            removals.Append("  ").Append(finding.Path).Append(':').Append(finding.Line).Append(" (").Append(finding.Rule.Id).Append("): ").Append(edit.Note).Append('\n');
        }

        var files = edits.Select(e => FileChange.Edit(e.Key, e.Value)).ToImmutableArray();
        return new ChangeSet(Name, RuleIds, files, ChangeSet.Sorted(refusals), "harden containers", Explain(users, pins, removals)).Validated();
    }

    private static bool Add(SortedDictionary<string, List<TextEdit>> edits, string path, TextEdit edit)
    {
        if (!edits.TryGetValue(path, out var list))
            edits[path] = list = [];
        if (list.Any(e => e.Start < edit.End && edit.Start < e.End || (e.Start == edit.Start && (e.Length == 0 || edit.Length == 0))))
            return false;
        list.Add(edit);
        return true;
    }

    private static string Explain(StringBuilder users, StringBuilder pins, StringBuilder removals)
    {
        var b = new StringBuilder();
        b.Append("Hardens containers.\n");
        if (users.Length > 0)
        {
            b.Append("Safe: a non-root user for the final stage of each Dockerfile below (CONS101). It is added only when the base\n")
                .Append("image is an official Debian or Alpine based one; the stage has a WORKDIR (given to the new user) and no USER,\n")
                .Append("SHELL, VOLUME over WORKDIR, folder made outside WORKDIR (but /tmp) or user of its own; it exposes no port below\n")
                .Append("1024; its ENTRYPOINT/CMD and the scripts they start run no command that needs root; and no compose service built\n")
                .Append("from it mounts the Docker socket, a writable bind mount or a named volume outside WORKDIR. Build steps before it\n")
                .Append("still run as root.\n")
                .Append(users);
        }

        if (pins.Length > 0)
        {
            b.Append("Safe: each FROM below had no tag or 'latest' and now names the tag that 'pins:' in consolidate.yml gives its\n")
                .Append("image (CONS102); only the image word changes. Images without a pin are listed among the refusals.\n")
                .Append(pins);
        }

        if (removals.Length > 0)
        {
            b.Append("Unsafe, written only with --unsafe (otherwise listed among the refusals): each removal below deletes exactly\n")
                .Append("the compose lines that hold it, keeping comments and formatting, and changes what the service may do:\n")
                .Append(removals);
        }

        b.Append("Dockerfiles where a USER is not provably safe are shown in SUMMARY.md with the reason, never patched.");
        return b.ToString();
    }
}
