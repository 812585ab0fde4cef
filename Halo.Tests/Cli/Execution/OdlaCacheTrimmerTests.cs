using Halo.Cli.Execution;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Cli.Execution;

public sealed class OdlaCacheTrimmerTests
{
    private static readonly DateTime s_now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    private static string Entry(string root, string relative, int bytes, TimeSpan age)
    {
        string folder = Path.Combine(root, relative);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "payload"), new byte[bytes]);
        Directory.SetLastWriteTimeUtc(folder, s_now - age);
        return folder;
    }

    [Test]
    public void Trim_OverLimit_DeletesLeastRecentlyUsedDownToThreeQuarters()
    {
        using var cache = new TemporaryDirectory();
        string oldest = Entry(cache.Path, "models/aa/oldest", 400, TimeSpan.FromDays(3));
        string older = Entry(cache.Path, "libraries/older", 400, TimeSpan.FromDays(2));
        string recent = Entry(cache.Path, "models/bb/recent", 400, TimeSpan.FromHours(5));

        long left = OdlaCacheTrimmer.Trim(cache.Path, limitBytes: 1000, s_now);

        Assert.That(Directory.Exists(oldest), Is.False);
        Assert.That(Directory.Exists(older), Is.False);
        Assert.That(Directory.Exists(recent), Is.True);
        Assert.That(left, Is.EqualTo(400));
    }

    [Test]
    public void Trim_EntriesUsedWithinTheHour_AreKeptEvenOverLimit()
    {
        using var cache = new TemporaryDirectory();
        string inUse = Entry(cache.Path, "libraries/in-use", 800, TimeSpan.FromMinutes(20));
        string stale = Entry(cache.Path, "models/cc/stale", 800, TimeSpan.FromDays(1));

        long left = OdlaCacheTrimmer.Trim(cache.Path, limitBytes: 1000, s_now);

        Assert.That(Directory.Exists(stale), Is.False);
        Assert.That(Directory.Exists(inUse), Is.True);
        Assert.That(left, Is.EqualTo(800));
    }

    [Test]
    public void Trim_UnderLimit_DeletesNothing()
    {
        using var cache = new TemporaryDirectory();
        string old = Entry(cache.Path, "models/dd/old", 100, TimeSpan.FromDays(30));

        Assert.That(OdlaCacheTrimmer.Trim(cache.Path, limitBytes: 1000, s_now), Is.EqualTo(100));
        Assert.That(Directory.Exists(old), Is.True);
    }
}
