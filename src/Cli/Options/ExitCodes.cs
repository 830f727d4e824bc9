namespace Consolidate.Cli.Options;

/// <summary>Process exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/IO error, 3 a bug in the tool.</summary>
public static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int UsageOrInputError = 2;
    public const int InternalError = 3;
}
