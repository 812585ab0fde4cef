using System.Diagnostics;
using Halo.Core.Diagnostics;
using Halo.Odla.Native.Toolchain;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native.Toolchain;

[TestFixture]
[Category("Native")]
public sealed class NativeToolchainTests
{
    private NativeTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new NativeTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void TryFind_BogusExplicitPath_ReportsHALO5001()
    {
        var options = NativeToolchainOptions.Default with { CompilerPath = _dir.File("no-such-compiler") };

        bool found = NativeToolchain.TryFind(options, out _, out Diagnostic? diagnostic);

        Assert.That(found, Is.False);
        Assert.That(diagnostic!.Id, Is.EqualTo("HALO5001"));
        Assert.That(diagnostic.Message, Does.Contain("no-such-compiler"));
    }

    [Test]
    public void TryFind_NothingOnPathAndNoVariables_ReportsHALO5001NamingTheSearch()
    {
        bool found = NativeToolchain.TryFind(NativeToolchainOptions.Default, name => name == "PATH" ? _dir.Path : null,
            out _, out Diagnostic? diagnostic);

        Assert.That(found, Is.False);
        Assert.That(diagnostic!.Id, Is.EqualTo("HALO5001"));
        Assert.That(diagnostic.Message, Does.Contain("g++, gcc, clang++, clang on PATH"));
    }

    [Test]
    public void TryFind_CxxVariableWithLauncher_UsesItsProgramBeforePath()
    {
        string fake = _dir.WriteExecutable("bin/mycc", "#!/bin/sh\nexit 0\n");

        bool found = NativeToolchain.TryFind(NativeToolchainOptions.Default,
            name => name switch { "PATH" => _dir.File("bin"), "CXX" => "mycc g++", _ => null }, out NativeToolchain? toolchain, out _);

        Assert.That(found, Is.True);
        Assert.That(toolchain!.CompilerPath, Is.EqualTo(fake));
        Assert.That(toolchain.Driver.LeadingArguments, Is.EqualTo(new[] { "g++" }));
        Assert.That(toolchain.Driver.IsCxxDriver, Is.True);
    }

    [Test]
    public async Task CompileAsync_SyntaxError_ReportsHALO5002WithTheCompilerErrorLine()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();
        string source = _dir.Write("broken.c", DemoSources.SyntaxError);

        NativeBuildResult result = await toolchain.CompileAsync(source, _dir.File("broken.o"), CompilerOptions.Default);

        Assert.That(result.Success, Is.False);
        Assert.That(result.OutputPath, Is.Null);
        Diagnostic error = result.Diagnostics.First(d => d.IsError);
        Assert.That(error.Id, Is.EqualTo("HALO5002"));
        Assert.That(error.Message, Does.Contain("broken.c:").And.Contain("error:").And.Contain("expected"));
        Assert.That(error.Location.FilePath, Does.EndWith("broken.c"));
    }

    [Test]
    public async Task CompileAsync_UnusedParameter_ReportsHALO5007WarningAndSucceeds()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();
        string source = _dir.Write("warn.c", "int f(int unused) { return 1; }\n");

        NativeBuildResult result = await toolchain.CompileAsync(source, _dir.File("warn.o"), CompilerOptions.Default);

        Assert.That(result.Success, Is.True);
        Assert.That(File.Exists(result.OutputPath), Is.True);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO5007" }));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("unused"));
    }

    [Test]
    public async Task CompileAsync_WarningsAsErrors_ReportsHALO5002()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();
        string source = _dir.Write("warn.c", "int f(int unused) { return 1; }\n");

        NativeBuildResult result = await toolchain.CompileAsync(source, _dir.File("warn.o"),
            CompilerOptions.Default with { WarningsAsErrors = true });

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Where(d => d.IsError).Select(d => d.Id), Has.All.EqualTo("HALO5002"));
    }

    [Test]
    public async Task CompileAsync_MissingSource_ReportsHALO5006()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();

        NativeBuildResult result = await toolchain.CompileAsync(_dir.File("absent.c"), _dir.File("absent.o"), CompilerOptions.Default);

        Assert.That(result.Diagnostics.Single().Id, Is.EqualTo("HALO5006"));
    }

    [Test]
    public async Task BuildAsync_UndefinedSymbol_ReportsHALO5003WithTheLinkerLine()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();
        string source = _dir.Write("main.c", "int missing_function(void);\nint main(void) { return missing_function(); }\n");

        NativeBuildResult result = await toolchain.BuildAsync(new NativeBuildRequest
        {
            Sources = [source],
            OutputPath = _dir.File("app"),
            Kind = NativeOutputKind.Executable,
        });

        Assert.That(result.Success, Is.False);
        Diagnostic error = result.Diagnostics.First(d => d.IsError);
        Assert.That(error.Id, Is.EqualTo("HALO5003"));
        Assert.That(error.Message, Does.Contain("missing_function").And.Contain(_dir.File("app")));
        Assert.That(Directory.GetFiles(_dir.Path), Is.EquivalentTo(new[] { source }), "no output, no temporary link file left");
    }

    [Test]
    public async Task BuildAsync_MissingLibrary_ReportsHALO5003()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();
        string source = _dir.Write("lib.c", "int one(void) { return 1; }\n");

        NativeBuildResult result = await toolchain.BuildAsync(new NativeBuildRequest
        {
            Sources = [source],
            OutputPath = _dir.File("libone.so"),
            Link = LinkOptions.Default with { Libraries = ["halo_no_such_library"] },
        });

        Assert.That(result.Diagnostics.Where(d => d.IsError).Select(d => d.Id), Has.Member("HALO5003"));
        Assert.That(result.Diagnostics.First(d => d.IsError).Message, Does.Contain("halo_no_such_library"));
    }

    [Test]
    public async Task BuildAsync_SeveralCAndCxxSources_CompilesThemAllAndLinksAnExecutable()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain(NativeToolchainOptions.Default with { MaxParallelism = 4 });
        var sources = Enumerable.Range(1, 4)
            .Select(i => _dir.Write($"part{i}.c", $"int part{i}(void) {{ return {i}; }}\n"))
            .Append(_dir.Write("vec.cc", "#include <vector>\nextern \"C\" int sum_vector(void) { std::vector<int> v{10, 20}; return v[0] + v[1]; }\n"))
            .Append(_dir.Write("main.c", """
                #include <stdio.h>
                int part1(void); int part2(void); int part3(void); int part4(void); int sum_vector(void);
                int main(void) { printf("%d\n", part1() + part2() + part3() + part4() + sum_vector() + VALUE); return 0; }
                """))
            .ToList();

        NativeBuildResult result = await toolchain.BuildAsync(new NativeBuildRequest
        {
            Sources = [.. sources],
            OutputPath = _dir.File("out/app"),
            Kind = NativeOutputKind.Executable,
            Compile = CompilerOptions.Default with { Defines = ["VALUE=100"] },
        });

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.OutputPath, Is.EqualTo(_dir.File("out/app")));
        Assert.That(RunAndReadOutput(result.OutputPath!), Is.EqualTo("140"));
    }

    [Test]
    public async Task BuildAsync_SameRequestTwice_SecondComesFromTheCache()
    {
        string cache = _dir.File("cache");
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain(NativeToolchainOptions.Default with { CacheDirectory = cache });
        string source = _dir.Write("lib.c", "int one(void) { return 1; }\n");
        var request = new NativeBuildRequest { Sources = [source], OutputPath = _dir.File("libone.so") };

        NativeBuildResult first = await toolchain.BuildAsync(request);
        File.Delete(first.OutputPath!);
        NativeBuildResult second = await toolchain.BuildAsync(request);
        File.WriteAllText(source, "int one(void) { return 2; }\n");
        NativeBuildResult changed = await toolchain.BuildAsync(request);

        Assert.That(first is { Success: true, FromCache: false }, Is.True);
        Assert.That(second is { Success: true, FromCache: true }, Is.True);
        Assert.That(second.OutputPath, Is.EqualTo(first.OutputPath));
        Assert.That(File.Exists(second.OutputPath), Is.True);
        Assert.That(changed is { Success: true, FromCache: false }, Is.True, "a changed source is a cache miss");
        Assert.That(Directory.GetDirectories(cache), Has.Length.EqualTo(2));
    }

    [Test]
    public async Task BuildAsync_CacheFolderIsAFile_ReportsHALO5008AndStillBuilds()
    {
        string notAFolder = _dir.Write("cache", "occupied");
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain(NativeToolchainOptions.Default with { CacheDirectory = notAFolder });
        string source = _dir.Write("lib.c", "int one(void) { return 1; }\n");

        NativeBuildResult result = await toolchain.BuildAsync(new NativeBuildRequest { Sources = [source], OutputPath = _dir.File("libone.so") });

        Assert.That(result.Success, Is.True);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO5008" }));
    }

    [Test]
    public async Task BuildAsync_CompilerThatHangs_ReportsHALO5004()
    {
        string hanging = _dir.WriteExecutable("slowcc", "#!/bin/sh\nexec sleep 60\n");
        var options = NativeToolchainOptions.Default with { CompilerPath = hanging, Timeout = TimeSpan.FromMilliseconds(300) };
        Assert.That(NativeToolchain.TryFind(options, out NativeToolchain? toolchain, out _), Is.True);
        string source = _dir.Write("lib.c", "int one(void) { return 1; }\n");

        NativeBuildResult result = await toolchain!.BuildAsync(new NativeBuildRequest { Sources = [source], OutputPath = _dir.File("libone.so") });

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO5004" }));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("lib.c"));
    }

    [Test]
    public void BuildAsync_Cancelled_StopsTheCompilerAndThrows()
    {
        string hanging = _dir.WriteExecutable("slowcc", "#!/bin/sh\nexec sleep 60\n");
        Assert.That(NativeToolchain.TryFind(NativeToolchainOptions.Default with { CompilerPath = hanging }, out NativeToolchain? toolchain, out _), Is.True);
        string source = _dir.Write("lib.c", "int one(void) { return 1; }\n");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(async () => await toolchain!.BuildAsync(new NativeBuildRequest { Sources = [source], OutputPath = _dir.File("libone.so") },
            cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task BuildAsync_OutputFolderIsAFile_ReportsHALO5009()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();
        string source = _dir.Write("lib.c", "int one(void) { return 1; }\n");
        _dir.Write("occupied", "a file where the output folder should be");

        NativeBuildResult result = await toolchain.BuildAsync(new NativeBuildRequest { Sources = [source], OutputPath = _dir.File("occupied/libone.so") });

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO5009" }));
    }

    [Test]
    public async Task BuildAsync_NoInputs_ReportsHALO5006()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();

        NativeBuildResult result = await toolchain.BuildAsync(new NativeBuildRequest { OutputPath = _dir.File("libnothing.so") });

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO5006" }));
    }

    [Test]
    public async Task CompileAsync_CompilerThatCannotStart_ReportsHALO5005()
    {
        string notAProgram = _dir.WriteExecutable("notcc", "this is not a program\n");
        Assert.That(NativeToolchain.TryFind(NativeToolchainOptions.Default with { CompilerPath = notAProgram }, out NativeToolchain? toolchain, out _), Is.True);
        string source = _dir.Write("lib.c", "int one(void) { return 1; }\n");

        NativeBuildResult result = await toolchain!.CompileAsync(source, _dir.File("lib.o"), CompilerOptions.Default);

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO5005" }));
    }

    private static string RunAndReadOutput(string executable)
    {
        using var process = Process.Start(new ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false })!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }
}
