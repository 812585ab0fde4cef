using NUnit.Framework;
using System.Reflection;
using Halo.Core.Diagnostics;
using Halo.Frontends.Diagnostics;

namespace Halo.Tests.Frontends.Diagnostics;

[TestFixture]
public sealed class FrontendDiagnosticsTests
{
    private static List<DiagnosticDescriptor> All() => [.. typeof(FrontendDiagnostics)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)];

    [Test]
    public void Descriptors_All_HaveUniqueIdsInFrontendRange()
    {
        var all = All();
        Assert.That(all.Select(d => d.Id), Is.Unique);
        Assert.That(all.Select(d => d.Id), Has.All.Match(@"^HALO1\d{3}$"));
        Assert.That(all.Select(d => d.Category), Has.All.EqualTo(DiagnosticCategory.Frontend));
        Assert.That(all.Select(d => d.MessageFormat), Has.None.EndsWith("."));
    }
}
