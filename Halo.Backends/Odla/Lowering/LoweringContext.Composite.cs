using Halo.Backends.Odla.Emit;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Helpers for lowerings that compose several ODLA calls (operators without an ODLA function of their own).</summary>
internal sealed partial class LoweringContext
{
    /// <summary>Emits <c>function(arguments, id)</c> and returns its variable: an intermediate value under a fresh id,
    /// or, when <paramref name="output"/> names a used output of this node, that output (its id, bound to it).</summary>
    public string Call(string function, string arguments, int output = -1)
    {
        string result = Module.NewVariable();
        bool isOutput = output >= 0 && IsOutputUsed(output);
        string id = isOutput ? OutputId(output) : Module.Id(null);
        Module.Define(result, $"{function}({arguments}, {id})");
        if (isOutput)
        {
            _bind(Op.Output(output), new OdlaVariable(result, id, OdlaVariableKind.Computed, -1));
        }
        return result;
    }

    /// <summary>Emits <c>function(arguments, id)</c> as output <paramref name="index"/> of this node.</summary>
    public bool DefineCall(int index, string function, string arguments) =>
        Define(index, $"{function}({arguments}, {OutputId(index)})");

    /// <summary>A constant tensor of <paramref name="dims"/> filled with <paramref name="value"/> (stored in the weights,
    /// created with <c>odla_CreateConstant</c>); element types float, double, float16, the integers and bool.
    /// <paramref name="output"/> as in <see cref="Call"/>.</summary>
    public string FilledConstant(ElementType type, IReadOnlyList<long> dims, double value, int output = -1)
    {
        var data = Fill(type, dims, value);
        var symbol = Module.ConstantSymbol(new GreenConstant(data));
        string pointer = data.Bytes.IsEmpty ? "NULL" : symbol.Symbol;
        return Call("odla_CreateConstant", $"{Module.Type(type, dims.ToArray())}, {pointer}", output);
    }

    /// <summary>A one-element constant of rank 0 (broadcasts against any shape).</summary>
    public string ScalarConstant(ElementType type, double value) => FilledConstant(type, [], value);

    /// <summary><paramref name="variable"/> cast to <paramref name="to"/> when <paramref name="from"/> differs.</summary>
    public string CastIfNeeded(string variable, ElementType from, ElementType to) =>
        from == to ? variable : Call("odla_Cast", $"{variable}, {OdlaTypes.ToOdla(to)}");

    /// <summary>A <c>const odla_uint32*</c> array of the axes [<paramref name="first"/>, <paramref name="rank"/>).</summary>
    public string TrailingAxes(long first, int rank) => Module.UInt32Array(Enumerable.Range((int)first, rank - (int)first).Select(a => (long)a));

    private static TensorData Fill(ElementType type, IReadOnlyList<long> dims, double value)
    {
        long count = dims.Aggregate(1L, (a, b) => a * b);
        ReadOnlySpan<long> shape = [.. dims];
        return type switch
        {
            ElementType.Float => TensorData.Create(type, Repeat((float)value, count), shape),
            ElementType.Double => TensorData.Create(type, Repeat(value, count), shape),
            ElementType.Float16 => TensorData.Create(type, Repeat((Half)value, count), shape),
            ElementType.Int8 => TensorData.Create(type, Repeat((sbyte)value, count), shape),
            ElementType.Int16 => TensorData.Create(type, Repeat((short)value, count), shape),
            ElementType.Int32 => TensorData.Create(type, Repeat((int)value, count), shape),
            ElementType.Int64 => TensorData.Create(type, Repeat((long)value, count), shape),
            ElementType.UInt8 => TensorData.Create(type, Repeat((byte)value, count), shape),
            ElementType.UInt16 => TensorData.Create(type, Repeat((ushort)value, count), shape),
            ElementType.UInt32 => TensorData.Create(type, Repeat((uint)value, count), shape),
            ElementType.UInt64 => TensorData.Create(type, Repeat((ulong)value, count), shape),
            ElementType.Bool => TensorData.Create(type, Repeat((byte)(value != 0 ? 1 : 0), count), shape),
            _ => throw new ArgumentException($"No constant of element type {type.GetName()} can be emitted.", nameof(type)),
        };
    }

    private static T[] Repeat<T>(T value, long count) => Enumerable.Repeat(value, checked((int)count)).ToArray();
}
