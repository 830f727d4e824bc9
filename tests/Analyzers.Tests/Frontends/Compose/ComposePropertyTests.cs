using System.Text;
using Consolidate.Analyzers.Model;
using CsCheck;

namespace Consolidate.Analyzers.Tests.Frontends.Compose;

public sealed class ComposePropertyTests
{
    private const string Sample = """
        # a stack
        x-defaults: &defaults
          restart: unless-stopped
          deploy:
            resources:
              limits: {memory: 256m, cpus: "0.5"}
        services:
          web:
            <<: *defaults
            image: "nginx:1.27"
            ports: ["80:80"]
            volumes:
              - ./html:/usr/share/nginx/html:ro
              - type: bind
                source: /var/run/docker.sock
                target: /var/run/docker.sock
            env_file: [.env, {path: ./b.env}]
            command: |
              nginx -g 'daemon off;'
          db:
            build: {context: ./db, dockerfile: Dockerfile}
            extends: {file: common.yml, service: base}
            privileged: true
            mem_limit: 1g
        ---
        extra: doc
        """;

    private static readonly string[] Fragments =
    [
        "services:", "\n", "  ", "\t", "- ", ": ", "&a ", "*a", "<<: ", "[", "]", "{", "}", ",", "\"", "'", "#", "---\n", "...\n", "|\n", ">-\n",
        "image", "web", "x", "? ", "!!str ", "%YAML 1.2\n", "\r\n", "\ud800", "\0", "é",
    ];

    private static readonly Gen<string> Fragmented =
        Gen.Int[0, Fragments.Length - 1].Array[0, 80].Select(indexes => string.Concat(indexes.Select(i => Fragments[i])));

    [Fact]
    public void Random_texts_never_throw_and_stay_well_formed()
    {
        Gen.OneOf(Fragmented, Gen.String, Gen.Char[" :-[]{},&*<#\n\t\"'|>abc?!%"].Array[0, 200].Select(c => new string(c))).Sample(Check, iter: 3000);
    }

    [Fact]
    public void Mutations_of_a_compose_file_never_throw_and_stay_well_formed()
    {
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, 30], Gen.Int[0, Fragments.Length - 1]);
        edit.Array[1, 8].Select(Mutate).Sample(Check, iter: 1500);
    }

    private static string Mutate((int Op, int At, int Length, int Fragment)[] edits)
    {
        var builder = new StringBuilder(Sample);
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
        var parsed = ComposeAssert.Parse(text);
        Assert.IsType<ComposeFacts>(parsed.Facts);
    }
}
