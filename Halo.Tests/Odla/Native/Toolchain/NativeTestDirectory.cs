using System.Runtime.InteropServices;
using Halo.Odla.Native.Toolchain;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native.Toolchain;

/// <summary>A fresh temporary folder per test for sources and built libraries, deleted on dispose; and a found toolchain.</summary>
internal sealed class NativeTestDirectory : IDisposable
{
    public NativeTestDirectory()
    {
        Path = Directory.CreateTempSubdirectory("halo-native-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        string path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes an executable script (a fake compiler).</summary>
    public string WriteExecutable(string name, string text)
    {
        string path = Write(name, text);
        Assert.That(OperatingSystem.IsWindows(), Is.False, "native tests run on Linux");
        if (OperatingSystem.IsWindows())
        {
            return path;
        }
        System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The machine's compiler (CI installs g++); native tests fail, not skip, without one.</summary>
    public static NativeToolchain FindToolchain(NativeToolchainOptions? options = null)
    {
        Assert.That(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), Is.True, "native tests run on Linux");
        bool found = NativeToolchain.TryFind(options ?? NativeToolchainOptions.Default, out NativeToolchain? toolchain, out var diagnostic);
        Assert.That(found, Is.True, diagnostic?.ToString());
        return toolchain!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
