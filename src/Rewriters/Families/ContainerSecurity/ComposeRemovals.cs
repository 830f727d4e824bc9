using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.ContainerSecurity;

/// <summary>
/// Removes what CONS103/CONS104/CONS105 report from a compose file by deleting exactly the YAML lines that hold it,
/// found through the compose frontend's spans: a <c>privileged</c>, <c>pid</c>, <c>ipc</c> or <c>network_mode</c> line,
/// or a Docker-socket item of <c>volumes:</c> (with the <c>volumes:</c> key when it was the only item). Everything
/// else — comments, blank lines, quoting, order — stays as written. Refused: a value that comes from a YAML anchor or
/// merge key (removing it would change other services), flow style (<c>{...}</c>, <c>[...]</c>), a key line that holds
/// more than the key. Every removal is Unsafe: it changes what the container may do.
/// </summary>
internal static class ComposeRemovals
{
    public static bool IsDockerSocket(string? source) =>
        source is not null && (source.EndsWith("/docker.sock", StringComparison.Ordinal) || source == "docker.sock");

    /// <summary>The edit deleting the reported key or volume item, or why not.</summary>
    public static (TextEdit? Edit, string? Problem) Plan(FileModel file, Diagnostic finding)
    {
        var text = file.Text!;
        var services = file.FactsAs<ComposeFacts>()?.Services ?? [];
        foreach (var service in services)
        {
            var (scalar, key, reason) = finding.Rule.Id switch
            {
                "CONS103" => (service.Privileged, "privileged", "the service loses the capabilities and host devices privileged mode gave it; if it needs one, add it back with cap_add or devices"),
                "CONS105" when service.NetworkMode?.Span.StartLine == finding.Line => (service.NetworkMode, "network_mode", "the service joins the project network: others reach it by service name instead of localhost, and its ports are reachable from the host only through ports:"),
                "CONS105" when service.Pid?.Span.StartLine == finding.Line => (service.Pid, "pid", "the service no longer sees or signals host processes"),
                "CONS105" when service.Ipc?.Span.StartLine == finding.Line => (service.Ipc, "ipc", "the service no longer shares the host's shared memory"),
                _ => ((ComposeScalar?)null, "", ""),
            };
            if (scalar is not null && scalar.Span.StartLine == finding.Line)
                return KeyLine(text, service, scalar, key, reason);
            if (finding.Rule.Id == "CONS104" && service.Volumes.FirstOrDefault(v => v.Span.StartLine == finding.Line && IsDockerSocket(v.Source)) is { } volume)
                return VolumeItem(text, service, volume);
        }

        return (null, $"no service key at line {finding.Line} matches the finding; edit it by hand");
    }

    private static (TextEdit? Edit, string? Problem) KeyLine(SourceText text, ComposeService service, ComposeScalar scalar, string key, string reason)
    {
        var line = scalar.Span.StartLine;
        var shared = Shared(text, service, line);
        if (shared is not null)
            return (null, shared);
        var content = text.LineText(line).TrimStart();
        if (!content.StartsWith(key + ":", StringComparison.Ordinal) || scalar.Span.EndLine != line)
            return (null, $"'{key}' at line {line} is not a key line of its own (flow style or a multi-line value); edit it by hand");
        return (RemoveLines(text, line, line, $"removed '{content.Split('#')[0].Trim()}' from service '{service.Name}': {reason}"), null);
    }

    private static (TextEdit? Edit, string? Problem) VolumeItem(SourceText text, ComposeService service, ComposeVolume volume)
    {
        var first = volume.Span.StartLine;
        var shared = Shared(text, service, first);
        if (shared is not null)
            return (null, shared);
        var itemLine = text.LineText(first);
        var dash = itemLine.Length - itemLine.TrimStart().Length;
        if (!itemLine.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            return (null, $"the Docker socket mount at line {first} is in a flow-style list; edit it by hand");
        var last = first;
        while (last < text.LineCount)
        {
            var next = text.LineText(last + 1);
            if (next.Trim().Length == 0 || next.Length - next.TrimStart().Length <= dash)
                break;
            last++;
        }

        var reason = $"removed the Docker socket mount '{volume.Source}' from service '{service.Name}': the service can no longer reach the Docker engine; if it manages containers, give it a socket proxy with a narrow API allow-list";
        if (service.Volumes.Length == 1)
        {
            // The only item: the 'volumes:' key goes too, or compose would read a null list.
            for (var l = first - 1; l > service.NameSpan.StartLine; l--)
            {
                var candidate = text.LineText(l).TrimStart();
                if (candidate.Length == 0 || candidate.StartsWith('#'))
                    continue;
                if (candidate.Split('#')[0].TrimEnd() == "volumes:")
                {
                    var between = Enumerable.Range(l + 1, first - l - 1).All(b => text.LineText(b).TrimStart() is "" or ['#', ..]);
                    if (between)
                        return (RemoveLines(text, l, last, reason + " (and the 'volumes:' key it was the only item of)"), null);
                }

                break;
            }
        }

        return (RemoveLines(text, first, last, reason), null);
    }

    /// <summary>Why a line of the service may be shared with other services (anchors, merge keys, outside its body), or null.</summary>
    private static string? Shared(SourceText text, ComposeService service, int line)
    {
        if (line < service.Span.StartLine || line > service.Span.EndLine)
            return $"the value at line {line} comes from a YAML anchor or merge key shared with other services; removing it would change them too";
        var body = text.Text.Substring(service.Span.Start, service.Span.Length);
        for (var i = 0; i < body.Length - 1; i++)
        {
            if (body[i] == '&' && (i == 0 || body[i - 1] is ' ' or ':' or '-') && char.IsAsciiLetterOrDigit(body[i + 1]))
                return $"service '{service.Name}' defines a YAML anchor that other services may merge; removing a line would change them too";
        }

        return null;
    }

    private static TextEdit RemoveLines(SourceText text, int first, int last, string note)
    {
        var start = text.LineStart(first);
        var end = text.LineStart(last + 1);
        if (end == text.Text.Length && end > 0 && text.Text[end - 1] is not ('\n' or '\r') && first > 1)
            start = text.LineEnd(first - 1);
        return new TextEdit(start, end - start, "", FixSafety.Unsafe, first, note);
    }
}
