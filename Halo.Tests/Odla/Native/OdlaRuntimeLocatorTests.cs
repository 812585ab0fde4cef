using Halo.Odla.Native;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native;

[TestFixture]
public sealed class OdlaRuntimeLocatorTests
{
    [Test]
    [Category("Native")]
    public void Find_ReferenceBesideTestAssembly_ReturnsLibraryAndHeaders()
    {
        var location = OdlaRuntimeLocator.Find();

        Assert.That(location, Is.Not.Null);
        Assert.That(location!.RuntimeName, Is.EqualTo("reference"));
        Assert.That(File.Exists(location.LibraryPath), Is.True);
        Assert.That(location.LibraryPath, Does.EndWith(Path.Combine("runtimes", "linux-x64", "native", "libodla_reference.so")));
        Assert.That(File.Exists(Path.Combine(location.IncludeDirectory, "ODLA", "odla_ops_nn.h")), Is.True);
        Assert.That(location.LibraryDirectory, Is.EqualTo(Path.GetDirectoryName(location.LibraryPath)));
    }

    [Test]
    public void Find_UnknownRuntime_ReturnsNull()
    {
        Assert.That(OdlaRuntimeLocator.Find("nosuchruntime"), Is.Null);
        Assert.That(OdlaRuntimeLocator.FindLibrary("nosuchruntime"), Is.Null);
    }

    [Test]
    public void Find_EmptyDirectory_ReturnsNull()
    {
        using var temp = new TemporaryDirectory();

        Assert.That(OdlaRuntimeLocator.Find(directory: temp.Path), Is.Null);
        Assert.That(OdlaRuntimeLocator.FindIncludeDirectory(temp.Path), Is.Null);
    }

    [Test]
    public void Find_ExplicitPackageLayout_ReturnsItsFiles()
    {
        using var temp = new TemporaryDirectory();
        var native = Path.Combine(temp.Path, "runtimes", OdlaRuntimeLocator.RuntimeIdentifier, "native");
        var headers = Path.Combine(temp.Path, "build", "native", "include", "ODLA");
        Directory.CreateDirectory(native);
        Directory.CreateDirectory(headers);
        File.WriteAllText(Path.Combine(native, OdlaRuntimeLocator.LibraryFileName("dnnl")), "");
        File.WriteAllText(Path.Combine(headers, "odla.h"), "");

        var location = OdlaRuntimeLocator.Find("dnnl", temp.Path);

        Assert.That(location, Is.Not.Null);
        Assert.That(location!.LibraryPath, Is.EqualTo(Path.Combine(native, OdlaRuntimeLocator.LibraryFileName("dnnl"))));
        Assert.That(location.IncludeDirectory, Is.EqualTo(Path.Combine(temp.Path, "build", "native", "include")));
    }

    [Test]
    public void Find_LibraryWithoutHeaders_ReturnsNull()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(temp.Path, OdlaRuntimeLocator.LibraryFileName("reference")), "");

        Assert.That(OdlaRuntimeLocator.FindLibrary("reference", temp.Path), Is.Not.Null);
        Assert.That(OdlaRuntimeLocator.Find("reference", temp.Path), Is.Null);
    }

    [TestCase("")]
    [TestCase("../evil")]
    [TestCase("Reference")]
    public void LibraryFileName_InvalidName_Throws(string name)
    {
        Assert.That(() => OdlaRuntimeLocator.LibraryFileName(name), Throws.ArgumentException);
    }

    [Test]
    public void LibraryFileName_Reference_IsLibOdlaReferenceSo()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True);

        Assert.That(OdlaRuntimeLocator.LibraryFileName(OdlaRuntimeLocator.ReferenceRuntime), Is.EqualTo("libodla_reference.so"));
    }
}
