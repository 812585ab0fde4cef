using Halo.Odla.Native.Toolchain;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native.Toolchain;

[TestFixture]
public sealed class BuildCacheTests
{
    private NativeTestDirectory _dir = null!;
    private CompilerDriver _driver = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new NativeTestDirectory();
        _driver = new CompilerDriver(_dir.Write("fakecc", "compiler"), []);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void ComputeKey_SameContentsInAnotherFolder_IsTheSameKey()
    {
        string key1 = KeyFor("a", "int x;", "#define N 1");
        string key2 = KeyFor("b", "int x;", "#define N 1");

        Assert.That(key2, Is.EqualTo(key1));
        Assert.That(key1, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void ComputeKey_ChangedHeaderOrSourceOrOption_IsAnotherKey()
    {
        string baseline = KeyFor("a", "int x;", "#define N 1");

        Assert.That(KeyFor("b", "int x;", "#define N 2"), Is.Not.EqualTo(baseline), "header under an include folder");
        Assert.That(KeyFor("c", "int y;", "#define N 1"), Is.Not.EqualTo(baseline), "source");
        Assert.That(KeyFor("d", "int x;", "#define N 1", optimization: 0), Is.Not.EqualTo(baseline), "option");
    }

    [Test]
    public void TryRestore_AfterStore_CopiesTheOutputAndMissesOtherKeys()
    {
        var cache = new BuildCache(_dir.File("cache"));
        string built = _dir.Write("out/libm.so", "library bytes");
        cache.Store("k1", built);
        string restored = _dir.File("elsewhere/libm.so");

        Assert.That(cache.TryRestore("k1", restored), Is.True);
        Assert.That(File.ReadAllText(restored), Is.EqualTo("library bytes"));
        Assert.That(cache.TryRestore("k2", restored), Is.False);
        Assert.That(Directory.GetFiles(_dir.File("elsewhere")), Has.Length.EqualTo(1), "no temporary file left");
    }

    private string KeyFor(string folder, string source, string header, int optimization = 2)
    {
        string sourcePath = _dir.Write(folder + "/m.c", source);
        _dir.Write(folder + "/inc/ODLA/odla.h", header);
        var request = new NativeBuildRequest
        {
            Sources = [sourcePath],
            OutputPath = _dir.File(folder + "/libm.so"),
            Compile = CompilerOptions.Default with { IncludeDirectories = [_dir.File(folder + "/inc")], OptimizationLevel = optimization },
        };
        return BuildCache.ComputeKey(_driver, request)!;
    }
}
