using Halo.Odla.Native.Toolchain;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native.Toolchain;

[TestFixture]
public sealed class CompilerArgumentsTests
{
    private static readonly CompilerDriver s_gcc = new("/usr/bin/gcc", []);

    [Test]
    public void ForCompile_CSource_NamesTheLanguageStandardAndEveryOption()
    {
        var options = CompilerOptions.Default with
        {
            OptimizationLevel = 3,
            WarningsAsErrors = true,
            IncludeDirectories = ["/inc dir"],
            Defines = ["NAME=\"a b\""],
        };

        var args = CompilerArguments.ForCompile(s_gcc, SourceLanguage.C, "/src/m.c", "/obj/m.o", options);

        Assert.That(args, Is.EqualTo(new[]
        {
            "-x", "c", "-std=c99", "-O3", "-fdiagnostics-color=never", "-fPIC", "-Wall", "-Wextra", "-Werror",
            "-I/inc dir", "-DNAME=\"a b\"", "-c", "/src/m.c", "-o", "/obj/m.o",
        }));
    }

    [Test]
    public void ForCompile_CxxSourceWithLauncher_PutsTheLauncherArgumentsFirst()
    {
        var driver = new CompilerDriver("/usr/bin/ccache", ["g++"]);

        var args = CompilerArguments.ForCompile(driver, SourceLanguage.Cxx, "m.cc", "m.o", CompilerOptions.Default with { PositionIndependent = false, Warnings = false });

        Assert.That(args.Take(4), Is.EqualTo(new[] { "g++", "-x", "c++", "-std=c++17" }));
        Assert.That(args, Does.Not.Contain("-fPIC").And.Not.Contain("-Wall"));
    }

    [Test]
    public void ForLink_SharedLibraryWithCxxObjectsOnACDriver_AddsTheCxxRuntimeAndLiteralOrigin()
    {
        var options = LinkOptions.Default with { LibraryDirectories = ["/rt"], Libraries = ["odla_reference"], RunPaths = ["$ORIGIN", "/rt"] };

        var args = CompilerArguments.ForLink(s_gcc, ["a.o", "w.bin"], "libm.so", NativeOutputKind.SharedLibrary, options, needsCxxRuntime: true);

        Assert.That(args, Is.EqualTo(new[]
        {
            "-shared", "a.o", "w.bin", "-o", "libm.so", "-L/rt", "-Wl,-rpath,$ORIGIN", "-Wl,-rpath,/rt", "-lodla_reference", "-lstdc++",
        }));
    }

    [Test]
    public void ForLink_ExecutableOnACxxDriver_AddsNoSharedFlagNorCxxRuntime()
    {
        var args = CompilerArguments.ForLink(new CompilerDriver("/usr/bin/clang++", []), ["a.o"], "app", NativeOutputKind.Executable,
            LinkOptions.Default, needsCxxRuntime: true);

        Assert.That(args, Is.EqualTo(new[] { "a.o", "-o", "app" }));
    }

    [Test]
    public void ForOdlaModel_RuntimeFileName_BecomesLibraryNameFolderAndRunPaths()
    {
        var request = NativeBuildRequest.ForOdlaModel("m.cc", "m.bin", "/inc", "/rt/native/libodla_reference.so", "out/libm.so");
        var odd = NativeBuildRequest.ForOdlaModel("m.c", null, "/inc", "/rt/odla-custom.so.1", "out/libm.so");

        Assert.That(request.Sources, Is.EqualTo(new[] { "m.cc" }));
        Assert.That(request.Objects, Is.EqualTo(new[] { "m.bin" }));
        Assert.That(request.Compile.IncludeDirectories, Is.EqualTo(new[] { "/inc" }));
        Assert.That(request.Link.LibraryDirectories, Is.EqualTo(new[] { "/rt/native" }));
        Assert.That(request.Link.Libraries, Is.EqualTo(new[] { "odla_reference" }));
        Assert.That(request.Link.RunPaths, Is.EqualTo(new[] { "$ORIGIN", "/rt/native" }));
        Assert.That(odd.Objects, Is.Empty);
        Assert.That(odd.Link.Libraries, Is.EqualTo(new[] { ":odla-custom.so.1" }));
    }
}
