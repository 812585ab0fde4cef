using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native;

[TestFixture]
[Category("Native")]
public sealed class OdlaHeaderTests
{
    private const string Source = """
        #include <ODLA/odla.h>
        static odla_value Build(void) {
          odla_value_type type;
          type.element_type = ODLA_FLOAT32;
          type.shape.size = 2;
          type.shape.dims[0] = 1;
          type.shape.dims[1] = 4;
          return odla_Relu(odla_CreateArgument(type, (odla_value_id)"x"), (odla_value_id)"y");
        }
        int main(void) {
          odla_scalar_value scalar;
          scalar.data_type = ODLA_INT32;
          scalar.val_int32 = 0;
          return Build() == NULL && scalar.val_int32 != 0;
        }
        """;

    [TestCase("gcc", "-std=c99", "header_check.c")]
    [TestCase("g++", "-std=c++17", "header_check.cc")]
    public void OdlaHeader_CompiledPedantic_HasNoWarnings(string compiler, string standard, string fileName)
    {
        var runtime = NativeTestTools.ReferenceRuntime();
        using var temp = new TemporaryDirectory();
        var source = Path.Combine(temp.Path, fileName);
        File.WriteAllText(source, Source);

        var result = ProcessRunner.Run(compiler,
            [standard, "-Wall", "-Wextra", "-Werror", "-pedantic", "-I", runtime.IncludeDirectory, "-c", source, "-o", source + ".o"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public void ReferenceLibrary_ExportsEveryDeclaredFunction()
    {
        var runtime = NativeTestTools.ReferenceRuntime();
        var declared = Directory.GetFiles(Path.Combine(runtime.IncludeDirectory, "ODLA"), "*.h")
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"ODLA_API_EXPORT[^;(]*?\b(odla_\w+)\s*\(").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        var library = NativeLibrary.Load(runtime.LibraryPath);
        try
        {
            var missing = declared.Where(name => !NativeLibrary.TryGetExport(library, name, out _)).ToList();

            Assert.That(declared, Has.Count.GreaterThan(200));
            Assert.That(missing, Is.Empty);
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }
}
