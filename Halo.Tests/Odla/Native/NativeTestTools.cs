using System.Reflection;
using Halo.Odla.Native;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native;

/// <summary>Where the [Category("Native")] tests find the reference runtime and its CMake-built test program.</summary>
internal static class NativeTestTools
{
    /// <summary>The reference runtime beside the test assembly (copied there by the project reference).</summary>
    public static OdlaRuntimeLocation ReferenceRuntime()
    {
        var location = OdlaRuntimeLocator.Find();
        Assert.That(location, Is.Not.Null, "libodla_reference.so and odla/include were not copied beside the tests");
        return location!;
    }

    /// <summary>The CMake-built test program of the reference runtime, for the configuration of this build.</summary>
    public static string ReferenceTestProgram()
    {
        var configuration = typeof(OdlaRuntimeLocator).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryPaths.Root, "Halo.Odla.Native", "obj", "native", configuration, "odla_reference_tests");
        Assert.That(File.Exists(path), Is.True, "the MSBuild native build did not produce " + path);
        return path;
    }
}
