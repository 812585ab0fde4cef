using NUnit.Framework;
namespace Halo.Tests.Conformance;

/// <summary>
/// A checked-in list of corpus cases that do not pass yet, one per line: <c>case-name  reason</c>
/// (<c>#</c> starts a comment). A listed case that passes fails its test, so the list stays true.
/// </summary>
internal sealed class ExpectedFailures
{
    private readonly Dictionary<string, string> _reasons;

    private ExpectedFailures(Dictionary<string, string> reasons) => _reasons = reasons;

    public static ExpectedFailures Load(string fileName) => LoadAll(fileName);

    /// <summary>Loads every list matching <paramref name="pattern"/> (e.g. <c>reference-expected-failures*.txt</c>).</summary>
    public static ExpectedFailures LoadAll(string pattern)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Conformance");
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).SelectMany(File.ReadLines))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            int space = line.IndexOfAny([' ', '\t']);
            string name = space < 0 ? line : line[..space];
            reasons[name] = space < 0 ? "(no reason given)" : line[space..].Trim();
        }
        return new ExpectedFailures(reasons);
    }

    public int Count => _reasons.Count;

    public bool TryGetReason(string caseName, out string reason) => _reasons.TryGetValue(caseName, out reason!);

    /// <summary>Asserts the outcome of one case against the list.</summary>
    public void Check(string caseName, bool passed, string failureDetail)
    {
        if (TryGetReason(caseName, out string reason))
        {
            // Random-valued cases can match by chance; every other listed case must really fail.
            bool nondeterministic = reason.StartsWith("[nondeterministic]", StringComparison.Ordinal)
                || reason.Contains(" [nondeterministic]", StringComparison.Ordinal);
            Assert.That(passed && !nondeterministic, Is.False, $"{caseName} passes now: remove it from the expected-failures list (listed: {reason})");
            Assert.Pass($"expected failure: {reason}");
        }
        Assert.That(passed, Is.True, failureDetail);
    }
}
