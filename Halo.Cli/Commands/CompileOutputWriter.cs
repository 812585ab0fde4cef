using Halo.Backends.Odla;
using Halo.Core.Diagnostics;

namespace Halo.Cli.Commands;

/// <summary>Writes the generated files all or nothing: each to a temporary file beside its target, then moves them
/// into place, so a failure never leaves a partial or mixed set of files.</summary>
internal static class CompileOutputWriter
{
    public static bool WriteAll(string folder, string sourceFile, OdlaArtifacts artifacts, TextWriter error)
    {
        var files = new List<(string Path, byte[] Bytes)>
        {
            (Path.Combine(folder, sourceFile), System.Text.Encoding.UTF8.GetBytes(artifacts.SourceText)),
            (Path.Combine(folder, artifacts.HeaderFileName), System.Text.Encoding.UTF8.GetBytes(artifacts.HeaderText)),
            (Path.Combine(folder, artifacts.WeightsFileName), [.. artifacts.GetWeightsBytes()]),
        };
        var temporaries = new List<(string Temporary, string Final)>();
        string current = files[0].Path;
        try
        {
            foreach (var (path, bytes) in files)
            {
                current = path;
                string temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
                temporaries.Add((temporary, path));
                File.WriteAllBytes(temporary, bytes);
            }
            foreach (var (temporary, final) in temporaries)
            {
                current = final;
                File.Move(temporary, final, overwrite: true);
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (temporary, _) in temporaries)
            {
                File.Delete(temporary);
            }
            error.WriteLine(Diagnostic.Create(CompileDiagnostics.CannotWrite, null, current, e.Message));
            return false;
        }
    }
}
