using System.Globalization;
using System.Text;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native;

/// <summary>
/// A hand-written ODLA program in the shape of generated model code (MatMul -> Add -> Softmax, as in the MNIST sample:
/// build once, bind and execute per call by value id) compiled against the headers and the reference library.
/// </summary>
[TestFixture]
[Category("Native")]
public sealed class OdlaEndToEndTests
{
    private const int Inputs = 8;
    private const int Classes = 4;

    [TestCase("g++", "-std=c++17", "model.cc")]
    [TestCase("gcc", "-std=c99", "model.c")]
    public void MatMulAddSoftmax_CompiledAndRun_MatchesManagedComputation(string compiler, string standard, string fileName)
    {
        var runtime = NativeTestTools.ReferenceRuntime();
        using var temp = new TemporaryDirectory();
        var x = Values(Inputs, 1);
        var w = Values(Inputs * Classes, 2);
        var b = Values(Classes, 3);
        var source = Path.Combine(temp.Path, fileName);
        var program = Path.Combine(temp.Path, "model");
        File.WriteAllText(source, Program(x, w, b));

        var compile = ProcessRunner.Run(compiler,
        [
            standard, "-Wall", "-Wextra", "-Werror", "-I", runtime.IncludeDirectory, source, "-o", program,
            "-L", runtime.LibraryDirectory, "-lodla_reference", "-Wl,-rpath," + runtime.LibraryDirectory,
        ]);
        Assert.That(compile.ExitCode, Is.Zero, compile.ToString());
        var run = ProcessRunner.Run(program, []);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var calls = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(calls, Has.Length.EqualTo(3), run.ToString());
        for (var call = 0; call < calls.Length; call++)
        {
            var input = x.Select(v => v * (call + 1)).ToArray();
            var actual = calls[call].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            Assert.That(actual, Is.EqualTo(Expected(input, w, b)).Within(1e-5), "call " + call);
        }
    }

    private static double[] Expected(float[] x, float[] w, float[] b)
    {
        var logits = new double[Classes];
        for (var j = 0; j < Classes; j++)
        {
            logits[j] = b[j];
            for (var i = 0; i < Inputs; i++)
            {
                logits[j] += (double)x[i] * w[(i * Classes) + j];
            }
        }
        var max = logits.Max();
        var exps = logits.Select(l => Math.Exp(l - max)).ToArray();
        return exps.Select(e => e / exps.Sum()).ToArray();
    }

    private static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }

    private static string Array(string name, float[] values) =>
        $"static const float {name}[{values.Length}] = {{{string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture) + "f"))}}};\n";

    // Valid C99 and C++17: the same text is compiled by gcc and g++.
    private static string Program(float[] x, float[] w, float[] b)
    {
        var text = new StringBuilder();
        text.Append("#include <ODLA/odla.h>\n#include <stdio.h>\n");
        text.Append(Array("X", x)).Append(Array("W", w)).Append(Array("B", b));
        text.Append(CultureInfo.InvariantCulture, $$"""
            static odla_computation Comp;
            static odla_value_type Type(odla_int64 rows, odla_int64 columns) {
              odla_value_type type;
              type.element_type = ODLA_FLOAT32;
              type.shape.size = 2;
              type.shape.dims[0] = rows;
              type.shape.dims[1] = columns;
              return type;
            }
            static void model_init(void) {
              odla_value x, w, b, mm, add, y;
              odla_CreateComputation(&Comp);
              x = odla_CreateArgument(Type(1, {{Inputs}}), (odla_value_id)"x");
              w = odla_CreateConstant(Type({{Inputs}}, {{Classes}}), W, (odla_value_id)"W");
              b = odla_CreateConstant(Type(1, {{Classes}}), B, (odla_value_id)"B");
              mm = odla_Gemm(x, 0, w, 0, 1, 0, NULL, Type(1, {{Classes}}).shape, (odla_value_id)"MatMul");
              add = odla_Add(mm, b, (odla_value_id)"add");
              y = odla_Softmax(add, -1, (odla_value_id)"y");
              odla_SetValueAsOutput(y);
            }
            static int model(const float x[{{Inputs}}], float out_y[{{Classes}}]) {
              odla_context ctx;
              int failed;
              odla_CreateContext(&ctx);
              odla_BindToArgumentById((odla_value_id)"x", x, ctx);
              odla_BindToOutputById((odla_value_id)"y", out_y, ctx);
              failed = odla_ExecuteComputation(Comp, ctx, ODLA_COMPUTE_INFERENCE, NULL) != ODLA_SUCCESS;
              odla_DestroyContext(ctx);
              return failed;
            }
            int main(void) {
              int call, i;
              model_init();
              for (call = 1; call <= 3; ++call) {
                float input[{{Inputs}}], output[{{Classes}}];
                for (i = 0; i < {{Inputs}}; ++i) input[i] = X[i] * (float)call;
                if (model(input, output) != 0) return 1;
                for (i = 0; i < {{Classes}}; ++i) printf("%.9g ", output[i]);
                printf("\n");
              }
              odla_DestroyComputation(Comp);
              return 0;
            }

            """);
        return text.ToString();
    }
}
