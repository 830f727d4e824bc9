using System.Collections.Immutable;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.References;

namespace Consolidate.Rewriters.Families.ContainerSecurity;

/// <summary>
/// Adds a non-root user to a Dockerfile's final stage (CONS101) when that is safe, else says why not (display-only).
/// Safe means all of: the file parsed cleanly; the final stage sets no USER of its own and starts FROM an official
/// Debian or Alpine based image whose user tools are known (not another stage, not a variable); no SHELL instruction;
/// the stage has a WORKDIR outside the system folders, not under a VOLUME, makes no folder (mkdir, VOLUME) outside it
/// but /tmp, and creates no user of its own; it EXPOSEs no
/// port below 1024; its ENTRYPOINT/CMD, and the repository scripts they start (followed through COPY), run no command
/// that needs root (package managers, chown, su/gosu/sudo, mount, sysctl, iptables, service managers...); and no
/// compose service built from it mounts the Docker socket, a writable bind mount, or a named volume outside WORKDIR.
/// Then one RUN creates group and user 10001 ("app") owning WORKDIR and <c>USER 10001:10001</c> follows, placed before
/// the trailing CMD/ENTRYPOINT/EXPOSE/LABEL block so every build step before it still runs as root.
/// </summary>
internal sealed class NonRootUser(RepositoryModel model)
{
    private const string Uid = "10001";

    private static readonly HashSet<string> RootCommands = new(StringComparer.Ordinal)
    {
        "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "dpkg", "rpm", "chown", "chgrp", "useradd", "adduser",
        "groupadd", "addgroup", "usermod", "gosu", "su-exec", "su", "sudo", "setcap", "mount", "umount", "sysctl", "iptables",
        "ip6tables", "service", "systemctl", "update-ca-certificates", "chroot", "crond", "cron", "sshd", "supervisord", "setpriv", "capsh",
    };

    private static readonly HashSet<string> SystemFolders = new(StringComparer.Ordinal)
    {
        "/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/root", "/run", "/sbin", "/sys", "/tmp", "/usr", "/usr/bin",
        "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/local/lib", "/usr/sbin", "/var", "/var/lib", "/var/run", "/home",
    };

    private static readonly HashSet<string> Trailing = new(StringComparer.Ordinal) { "CMD", "ENTRYPOINT", "EXPOSE", "HEALTHCHECK", "LABEL", "STOPSIGNAL" };

    /// <summary>The edit that adds the user, or the reason it is shown only (with the line it concerns).</summary>
    public (TextEdit? Edit, int Line, string? Reason) Plan(FileModel file)
    {
        var facts = file.FactsAs<DockerfileFacts>();
        if (file.Status != ParseStatus.Ok || facts?.FinalStage is not { } final || file.Text is null)
            return (null, 1, $"{file.Path} did not parse cleanly ({file.Reason ?? file.Status.ToString().ToLowerInvariant()}), so its final stage is not known well enough to change");

        var from = final.FromSpan.StartLine;
        if (final.Instructions.LastOrDefault(i => i.Keyword == "USER") is { } user)
            return (null, user.Span.StartLine, $"the final stage sets 'USER {user.Arguments.Trim()}' at line {user.Span.StartLine} on purpose; switch to a non-root uid after the steps that need root by hand");
        if (facts.Stages.Any(s => s.Name is not null && string.Equals(s.Name, final.BaseImage, StringComparison.OrdinalIgnoreCase)))
            return (null, from, $"the final stage builds on stage '{final.BaseImage}' of this file; add the user where that stage's base is known, by hand");
        var tooling = BaseImage.Tooling(final.BaseImage);
        if (tooling == UserTooling.Unknown)
            return (null, from, $"the base image '{final.BaseImage}' is not an official Debian or Alpine based image the tool knows, so it cannot tell how to create a user there (or whether one exists)");
        if (facts.Stages.SelectMany(s => s.Instructions).FirstOrDefault(i => i.Keyword == "SHELL") is { } shell)
            return (null, shell.Span.StartLine, $"a SHELL instruction (line {shell.Span.StartLine}) changes how RUN runs, so the user-creation step might not work");

        var workdir = WorkingDirectory(final);
        if (workdir is null)
            return (null, from, "the final stage has no WORKDIR, so there is no app folder to give the new user (writes elsewhere would fail without root)");
        if (workdir.Contains('$') || SystemFolders.Contains(workdir.TrimEnd('/').Length == 0 ? "/" : workdir.TrimEnd('/')))
            return (null, from, $"WORKDIR '{workdir}' is a system folder or uses a variable; handing it to a non-root user is not a decision the tool makes");
        if (final.Instructions.FirstOrDefault(i => i.Keyword == "VOLUME" && Volumes(i).Any(v => Under(workdir, v))) is { } volume)
            return (null, volume.Span.StartLine, $"VOLUME at line {volume.Span.StartLine} covers the app folder {workdir}, so changing its owner afterwards may be lost");
        foreach (var instruction in final.Instructions.Where(i => i.Keyword is "RUN" or "VOLUME"))
        {
            var folders = instruction.Keyword == "VOLUME"
                ? Volumes(instruction)
                : (instruction.Shell?.Commands ?? []).Where(c => c.Name.StaticValue == "mkdir").SelectMany(c => c.Arguments).Select(a => a.StaticValue).OfType<string>();
            var outside = folders.FirstOrDefault(f => f.StartsWith('/') && !Under(f, workdir.TrimEnd('/')) && !Under(f, "/tmp"));
            if (outside is not null)
                return (null, instruction.Span.StartLine, $"line {instruction.Span.StartLine} makes {outside} ({(instruction.Keyword == "VOLUME" ? "a VOLUME" : "mkdir")}) outside the app folder {workdir}: the app probably writes there, and the new user could not");
        }

        if (final.Instructions.FirstOrDefault(i => i.Keyword == "RUN" && (i.Arguments.Contains("useradd", StringComparison.Ordinal) || i.Arguments.Contains("adduser", StringComparison.Ordinal))) is { } creates)
            return (null, creates.Span.StartLine, $"the final stage creates a user at line {creates.Span.StartLine} but never switches to it; add 'USER <that user>' after the steps that need root");
        foreach (var expose in final.Instructions.Where(i => i.Keyword == "EXPOSE"))
        {
            foreach (var port in expose.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(port.Split('/')[0], out var number) && number < 1024)
                    return (null, expose.Span.StartLine, $"EXPOSE {port} (line {expose.Span.StartLine}): binding a port below 1024 needs root or CAP_NET_BIND_SERVICE outside Docker's default settings; move the port or grant the capability first");
            }
        }

        var runtime = RuntimeRoot(file, final, workdir);
        if (runtime is not null)
            return (null, runtime.Value.Line, runtime.Value.Reason);
        var service = ServiceProblem(file.Path, workdir);
        if (service is not null)
            return (null, from, service);

        return (Insert(file.Text, final, workdir, tooling), from, null);
    }

    private static TextEdit Insert(SourceText text, DockerStage final, string workdir, UserTooling tooling)
    {
        var newline = text.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var folder = workdir.TrimEnd('/');
        var create = tooling == UserTooling.Alpine
            ? $"RUN addgroup -S -g {Uid} app && adduser -S -D -H -u {Uid} -G app -h {folder} -s /sbin/nologin app && chown -R app:app {folder}"
            : $"RUN groupadd --system --gid {Uid} app && useradd --system --uid {Uid} --gid app --home-dir {folder} --no-create-home --shell /usr/sbin/nologin app && chown -R app:app {folder}";
        var lines = new[]
        {
            "# Run as an unprivileged user that owns the app folder (consolidate-analyze fix, CONS101).",
            create,
            $"USER {Uid}:{Uid}",
        };
        var note = $"adds user {Uid} (app) owning {folder} and USER {Uid}:{Uid} to the final stage (FROM {final.BaseImage}, {(tooling == UserTooling.Alpine ? "Alpine: addgroup/adduser" : "Debian: groupadd/useradd")})";

        var instructions = final.Instructions;
        var first = instructions.Length;
        while (first > 1 && Trailing.Contains(instructions[first - 1].Keyword))
            first--;
        if (first == instructions.Length)
        {
            var end = instructions[^1].Span.End;
            var line = text.Span(end, end).StartLine;
            return new TextEdit(text.LineEnd(line), 0, newline + string.Join(newline, lines), FixSafety.Safe, line, note);
        }

        // Before the trailing block, and before the comment lines that belong to its first instruction.
        var at = instructions[first].Span.StartLine;
        while (at > 1 && text.LineText(at - 1).TrimStart().StartsWith('#'))
            at--;
        return new TextEdit(text.LineStart(at), 0, string.Join(newline, lines) + newline, FixSafety.Safe, at, note);
    }

    /// <summary>The last WORKDIR of the final stage, made absolute ("/" plus relative ones in order); null when there is none.</summary>
    private static string? WorkingDirectory(DockerStage stage)
    {
        string? current = null;
        foreach (var instruction in stage.Instructions.Where(i => i.Keyword == "WORKDIR"))
        {
            var value = instruction.Arguments.Trim().Trim('"', '\'');
            current = value.StartsWith('/') ? value : (current ?? "") + "/" + value;
        }

        return current;
    }

    private static IEnumerable<string> Volumes(DockerInstruction volume) =>
        volume.IsExecForm ? volume.ExecForm : volume.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim('"', '\''));

    private static bool Under(string path, string folder)
    {
        var f = folder.TrimEnd('/');
        return f.Length == 0 || path == f || path.StartsWith(f + "/", StringComparison.Ordinal);
    }

    /// <summary>A command the container runs at start that needs root: in ENTRYPOINT/CMD, or in a repository script they start.</summary>
    private (int Line, string Reason)? RuntimeRoot(FileModel file, DockerStage final, string workdir)
    {
        foreach (var instruction in final.Instructions.Where(i => i.Keyword is "ENTRYPOINT" or "CMD"))
        {
            var words = instruction.IsExecForm
                ? instruction.ExecForm.ToList()
                : instruction.Shell?.Commands.SelectMany(c => c.Arguments.Prepend(c.Name)).Select(w => w.StaticValue ?? w.Text).ToList() ?? [];
            var root = words.FirstOrDefault(w => RootCommands.Contains(w[(w.LastIndexOf('/') + 1)..]));
            if (root is not null)
                return (instruction.Span.StartLine, $"{instruction.Keyword} (line {instruction.Span.StartLine}) runs '{root}', which needs root");

            foreach (var word in words.Where(w => w.Contains('/') || w.EndsWith(".sh", StringComparison.Ordinal)))
            {
                var inImage = word.StartsWith('/') ? word : workdir.TrimEnd('/') + "/" + word.TrimStart('.', '/');
                var script = CopiedFrom(file, final, inImage);
                if (script is null)
                {
                    if (word.EndsWith(".sh", StringComparison.Ordinal))
                        return (instruction.Span.StartLine, $"{instruction.Keyword} (line {instruction.Span.StartLine}) starts '{word}', which the tool cannot trace to a file of the repository, so it cannot tell whether it needs root");
                    continue;
                }

                var commands = model.File(script)?.FactsAs<ShellFacts>()?.Commands ?? [];
                var needs = commands.FirstOrDefault(c => c.Name.StaticValue is { } name && RootCommands.Contains(name[(name.LastIndexOf('/') + 1)..]));
                if (needs is not null)
                    return (instruction.Span.StartLine, $"{instruction.Keyword} (line {instruction.Span.StartLine}) starts {script} (copied to {inImage}), which runs '{needs.Name.StaticValue}' at line {needs.Span.StartLine}; that needs root");
            }
        }

        return null;
    }

    /// <summary>The repository file a COPY of the final stage puts at <paramref name="inImage"/>, or null.</summary>
    private string? CopiedFrom(FileModel file, DockerStage final, string inImage)
    {
        string? found = null;
        var workdir = "/";
        foreach (var instruction in final.Instructions)
        {
            if (instruction.Keyword == "WORKDIR")
            {
                var value = instruction.Arguments.Trim().Trim('"', '\'');
                workdir = value.StartsWith('/') ? value : workdir.TrimEnd('/') + "/" + value;
                continue;
            }

            if (instruction.Keyword is not ("COPY" or "ADD") || instruction.Flag("from") is not null)
                continue;
            var words = instruction.IsExecForm ? instruction.ExecForm.ToList() : instruction.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words.Count < 2)
                continue;
            var destination = words[^1].StartsWith('/') ? words[^1] : workdir.TrimEnd('/') + "/" + (words[^1] is "." or "./" ? "" : words[^1]);
            var folder = destination.EndsWith('/') || words.Count > 2;
            foreach (var reference in model.References.From(file.Path).Where(r => r.Kind == ReferenceKind.DockerfileCopy && r.Line == instruction.Span.StartLine && r.Resolved))
            {
                var isFile = model.File(reference.Target) is not null;
                if (isFile)
                {
                    var target = folder || destination.EndsWith('/') || words[^1] is "." or "./"
                        ? destination.TrimEnd('/') + "/" + reference.Target[(reference.Target.LastIndexOf('/') + 1)..]
                        : destination;
                    if (target == inImage)
                        found = reference.Target;
                }
                else if (Under(inImage, destination.TrimEnd('/')))
                {
                    var relative = inImage[destination.TrimEnd('/').Length..].TrimStart('/');
                    var candidate = reference.Target is "." or "" ? relative : reference.Target + "/" + relative;
                    if (model.File(candidate) is not null)
                        found = candidate;
                }
            }
        }

        return found;
    }

    /// <summary>Why a compose service built from this Dockerfile would break without root, or null.</summary>
    private string? ServiceProblem(string dockerfile, string workdir)
    {
        foreach (var build in model.References.To(dockerfile).Where(r => r.Kind == ReferenceKind.ComposeBuild))
        {
            var compose = model.File(build.Source);
            var service = compose?.FactsAs<ComposeFacts>()?.Services.FirstOrDefault(s => s.Build is not null && s.Span.StartLine <= build.Line && build.Line <= s.Span.EndLine);
            if (service is null || compose?.Text is null)
                continue;
            var services = model.OfLanguage(Language.Compose)
                .Where(f => RepoFolder(f.Path) == RepoFolder(compose.Path))
                .SelectMany(f => (f.FactsAs<ComposeFacts>()?.Services ?? []).Where(s => s.Name == service.Name).Select(s => (File: f, Service: s)));
            foreach (var (file, each) in services)
            {
                foreach (var volume in each.Volumes)
                {
                    var raw = file.Text!.Text.Substring(volume.Span.Start, volume.Span.Length);
                    var where = $"service '{each.Name}' ({file.Path} line {volume.Span.StartLine})";
                    if (ComposeRemovals.IsDockerSocket(volume.Source))
                        return $"{where} mounts the Docker socket, which a non-root user cannot use; remove that mount first";
                    var readOnly = raw.TrimEnd().EndsWith(":ro", StringComparison.Ordinal) || raw.Contains(":ro,", StringComparison.Ordinal) || raw.Contains("read_only: true", StringComparison.Ordinal);
                    if (volume.Type == "bind" && !readOnly)
                        return $"{where} bind-mounts '{volume.Source}' writable at {volume.Target}: its files belong to the host's user, which the container's new user may not be able to write";
                    if (volume.Type == "volume" && volume.Target is { } target && !Under(target, workdir.TrimEnd('/')))
                        return $"{where} mounts a named volume at {target}, outside the app folder {workdir}: files there may belong to root";
                }
            }
        }

        return null;
    }

    private static string RepoFolder(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
}
