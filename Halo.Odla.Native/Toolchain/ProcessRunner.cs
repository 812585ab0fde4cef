using System.ComponentModel;
using System.Diagnostics;

namespace Halo.Odla.Native.Toolchain;

/// <summary>Runs a tool without a shell, with a timeout and cancellation, capturing its output.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        // SECURITY: ArgumentList passes each argument as one argv entry; no shell parses paths or defines.
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        // Plain, untranslated messages so that CompilerMessageParser recognizes "error:" lines.
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["GCC_COLORS"] = string.Empty;

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ProcessResult(false, -1, string.Empty, string.Empty, false, e.Message);
        }

        // Both pipes are drained concurrently from the start: reading one to its end first deadlocks once the
        // other fills its buffer.
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            timedOut = !cancellationToken.IsCancellationRequested;
        }
        string output = await stdout.ConfigureAwait(false);
        string error = await stderr.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (!timedOut)
        {
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        return new ProcessResult(true, timedOut ? -1 : process.ExitCode, output, error, timedOut, null);
    }

    private static void Kill(Process process)
    {
        try
        {
            // The driver forks cc1/as/ld: stop the whole tree so no orphan keeps writing the output.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already exited between the timeout and the kill.
        }
        catch (Win32Exception)
        {
            // Already exiting; nothing left to stop.
        }
    }
}
