namespace Halo.Odla.Native.Toolchain;

/// <summary>How a tool run ended.</summary>
/// <param name="Started">Whether the process started; false with <see cref="StartError"/> set.</param>
/// <param name="ExitCode">The exit code (meaningful when started and not timed out).</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
/// <param name="TimedOut">Whether the run was stopped at the timeout.</param>
/// <param name="StartError">Why the process could not start, or null.</param>
internal sealed record ProcessResult(bool Started, int ExitCode, string StandardOutput, string StandardError, bool TimedOut, string? StartError)
{
    public bool Succeeded => Started && !TimedOut && ExitCode == 0;

    /// <summary>stderr then stdout: GCC writes diagnostics to stderr, some wrappers to stdout.</summary>
    public string AllOutput => StandardOutput.Length == 0 ? StandardError : StandardError + "\n" + StandardOutput;
}
