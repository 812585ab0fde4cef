namespace Halo.Tests.TestSupport;

/// <summary>What a finished process returned and printed.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}\n{Error}";
}
