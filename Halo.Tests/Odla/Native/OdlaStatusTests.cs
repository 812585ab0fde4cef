using System.Text.RegularExpressions;
using Halo.Odla.Native;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native;

[TestFixture]
public sealed class OdlaStatusTests
{
    [Test]
    public void OdlaStatus_MatchesOdlaStatusInHeader_SameNamesAndValues()
    {
        var header = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Halo.Odla.Native", "include", "ODLA", "odla_common.h"));
        var body = Regex.Match(header, @"typedef enum \{(?<body>[^}]*)\} odla_status;").Groups["body"].Value;
        var names = Regex.Matches(body, @"^\s*(ODLA_\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var members = Enum.GetValues<OdlaStatus>();

        Assert.That(names, Has.Count.EqualTo(members.Length).And.Count.GreaterThan(10));
        for (var i = 0; i < names.Count; i++)
        {
            // The C enumerators count up from zero; C# names are the Pascal-cased C names (ERR spelled Error).
            var normalized = names[i]["ODLA_".Length..].Replace("_", "", StringComparison.Ordinal);
            Assert.That((int)members[i], Is.EqualTo(i), names[i]);
            Assert.That(members[i].ToString(), Does.StartWith(normalized).IgnoreCase, names[i]);
        }
    }
}
