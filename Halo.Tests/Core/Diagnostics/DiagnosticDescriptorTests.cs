using NUnit.Framework;
using System.Reflection;
using System.Text.RegularExpressions;
using Halo.Core.Diagnostics;

namespace Halo.Tests.Core.Diagnostics;

[TestFixture]
public sealed partial class DiagnosticDescriptorTests
{
    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Concat([typeof(CoreDiagnostics).Assembly, typeof(Halo.Frontends.Onnx.OnnxImporter).Assembly,
                typeof(Halo.Backends.Diagnostics.BackendDiagnostics).Assembly,
                typeof(Halo.Odla.Native.Diagnostics.NativeDiagnostics).Assembly,
                typeof(Halo.Passes.Folding.FoldConstants).Assembly])
            .Distinct()
            .Where(a => a.GetName().Name?.StartsWith("Halo.", StringComparison.Ordinal) == true || a.GetName().Name == "halo")
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    [GeneratedRegex("^HALO[0-9]{4}$")]
    private static partial Regex IdPattern();

    [Test]
    public void Descriptors_Ids_AreUniqueWellFormedAndInTheirCategoryRange()
    {
        var all = AllDescriptors().ToList();

        Assert.That(all, Has.Count.GreaterThan(10));
        Assert.That(all.Select(d => d.Id), Is.Unique);
        foreach (var d in all)
        {
            Assert.That(d.Id, Does.Match(IdPattern()));
            char expected = d.Category switch
            {
                DiagnosticCategory.Frontend => '1',
                DiagnosticCategory.Verification => '2',
                DiagnosticCategory.Pass => '3',
                DiagnosticCategory.Backend => '4',
                DiagnosticCategory.Toolchain => '5',
                DiagnosticCategory.CommandLine => '6',
                _ => '9',
            };
            Assert.That(d.Id[4], Is.EqualTo(expected), d.Id + " is outside the range of " + d.Category);
            Assert.That(d.MessageFormat, Does.Not.EndWith("."), d.Id + ": messages have no final period");
        }
    }
}
