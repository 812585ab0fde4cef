using System.Collections.Immutable;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Cli.Commands;

/// <summary>The inputs <c>halo bench</c> runs a model on: the model's first test set when it has one
/// (<c>test_data_set_0/input_K.pb</c> beside the model), else seeded random values of each input's static shape.</summary>
internal static class BenchInputs
{
    private const int Seed = 1234;

    /// <summary>One value per graph input, or null with the errors in <paramref name="diagnostics"/>.</summary>
    public static List<RuntimeValue>? Create(string modelPath, Graph graph, DiagnosticBag diagnostics)
    {
        string set = Path.Combine(Path.GetDirectoryName(modelPath) ?? ".", "test_data_set_0");
        var random = new Random(Seed);
        var values = new List<RuntimeValue>();
        for (int i = 0; i < graph.Inputs.Length; i++)
        {
            var type = graph.Inputs[i].Type;
            string file = Path.Combine(set, $"input_{i}.pb");
            var value = File.Exists(file) ? LoadedModel.ReadValue(file, type, diagnostics)
                : Random(graph.NameOf(graph.Inputs[i].Output(0)) ?? "input_" + i, i, type, random, modelPath, diagnostics);
            if (value is not null)
            {
                values.Add(value);
            }
        }
        return diagnostics.HasErrors ? null : values;
    }

    private static TensorValue? Random(string name, int index, IrType type, Random random, string modelPath, DiagnosticBag diagnostics)
    {
        if (type is not TensorType { Shape.IsRanked: true } tensor || Enumerable.Range(0, tensor.Shape.Rank).Any(d => !tensor.Shape[d].IsStatic))
        {
            diagnostics.Report(BenchDiagnostics.CannotMakeInput, ModelLocation.OfFile(modelPath), name, type, "its shape is not static", index);
            return null;
        }
        var dims = ImmutableArray.CreateRange(Enumerable.Range(0, tensor.Shape.Rank).Select(d => tensor.Shape[d].Value));
        int count = checked((int)dims.Aggregate(1L, (a, b) => a * b));
        TensorData? data = tensor.ElementType switch
        {
            ElementType.Float => TensorData.Create(ElementType.Float, Fill(count, () => (float)(random.NextDouble() * 2 - 1)), dims.AsSpan()),
            ElementType.Double => TensorData.Create(ElementType.Double, Fill(count, () => random.NextDouble() * 2 - 1), dims.AsSpan()),
            ElementType.Int32 => TensorData.Create(ElementType.Int32, Fill(count, () => random.Next(0, 10)), dims.AsSpan()),
            ElementType.Int64 => TensorData.Create(ElementType.Int64, Fill(count, () => (long)random.Next(0, 10)), dims.AsSpan()),
            ElementType.Bool => TensorData.Create(ElementType.Bool, Fill(count, () => random.Next(2) == 1), dims.AsSpan()),
            _ => null,
        };
        if (data is null)
        {
            diagnostics.Report(BenchDiagnostics.CannotMakeInput, ModelLocation.OfFile(modelPath), name, type,
                "random values are made for float, double, int32, int64 and bool only", index);
            return null;
        }
        return new TensorValue(data);
    }

    private static T[] Fill<T>(int count, Func<T> next)
    {
        var values = new T[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = next();
        }
        return values;
    }
}
