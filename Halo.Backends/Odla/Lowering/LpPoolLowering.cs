using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>LpPool: ODLA has no Lp pooling, so the window sums of |x|^p come from <c>odla_AveragePool</c> (padding
/// included) times the window volume, or, with dilations, from a depthwise <c>odla_Conv</c> with an all-ones kernel;
/// then the p-th root.</summary>
internal static class LpPoolLowering
{
    public static void Register(LoweringTableBuilder table) => table.Add("LpPool", LpPool);

    /// <summary>ONNX: y = (sum over the window of |x|^p)^(1/p), padded positions counting as 0.</summary>
    private static bool LpPool(LoweringContext c)
    {
        var input = c.InputShape(0);
        long p = c.Int("p", 2);
        if (input.Length < 3)
        {
            return c.Unsupported("the input must have a batch, a channel and at least one spatial dimension");
        }
        if (p <= 0)
        {
            return c.Unsupported($"p must be positive, not {p}");
        }
        if (c.Ints("kernel_shape") is not { } kernel || kernel.Length != input.Length - 2)
        {
            return c.Unsupported("kernel_shape must give one size per spatial dimension");
        }
        var type = c.InputType(0).ElementType;
        if (type is not (ElementType.Float or ElementType.Double))
        {
            return c.Unsupported($"element type {type.GetName()} is not float or double");
        }
        long[] window = [.. kernel];
        var geometry = WindowGeometry.Forward(c, input[2..], window, c.OutputShape()[2..]);
        string x = c.Value(0);
        string powered = p switch
        {
            1 => c.Call("odla_Abs", x),
            2 => c.Call("odla_Mul", $"{x}, {x}"),
            _ => c.Call("odla_Pow", $"{c.Call("odla_Abs", x)}, {c.ScalarConstant(type, p)}"),
        };
        var m = c.Module;
        // The arrays are emitted only where used: C rejects unused static arrays under -Werror.
        string Strides() => m.UInt32Array(geometry.Strides);
        string Front() => m.UInt32Array(geometry.Front);
        string Back() => m.UInt32Array(geometry.Back);
        string sums;
        if (geometry.Dilations.All(d => d == 1))
        {
            // The average with padding included, times the window volume, is the window sum.
            string average = window.Length <= 2
                ? c.Call("odla_AveragePool", $"{powered}, ODLA_CHANNELS_FIRST, {m.UInt32Array(window)}, {Strides()}, " +
                    $"{Front()}, {Back()}, 1, {c.OutputShapeExpression()}")
                : AverageAxisByAxis(c, powered, input, window, geometry);
            sums = c.Call("odla_Mul", $"{average}, {c.ScalarConstant(type, window.Aggregate(1L, (a, b) => a * b))}");
        }
        else
        {
            long channels = input[1];
            string ones = c.FilledConstant(type, [channels, 1, .. window], 1);
            sums = c.Call("odla_Conv", $"{powered}, ODLA_CHANNELS_FIRST, {LoweringContext.I(channels)}, {ones}, ODLA_OIS, " +
                $"{Strides()}, {m.UInt32Array(geometry.Dilations)}, {Front()}, {Back()}, NULL, {c.OutputShapeExpression()}");
        }
        return p switch
        {
            1 => c.DefineCall(0, "odla_Reshape", $"{sums}, {c.OutputShapeExpression()}"),
            2 => c.DefineCall(0, "odla_Sqrt", sums),
            _ => c.DefineCall(0, "odla_Pow", $"{sums}, {c.ScalarConstant(type, 1.0 / p)}"),
        };
    }

    /// <summary>The window average over three or more spatial axes (ODLA pools take one or two): one 2-D pool per axis,
    /// on the data reshaped to [1, outer, axis, inner] with a window of 1 along the inner dimension.</summary>
    private static string AverageAxisByAxis(LoweringContext c, string x, long[] input, long[] window, WindowGeometry geometry)
    {
        var m = c.Module;
        long[] dims = [.. input];
        long[] output = c.OutputShape();
        string current = x;
        for (int i = 0; i < window.Length; i++)
        {
            int axis = i + 2;
            long outer = dims[..axis].Aggregate(1L, (a, b) => a * b);
            long inner = dims[(axis + 1)..].Aggregate(1L, (a, b) => a * b);
            string reshaped = c.EmitReshape(current, [1, outer, dims[axis], inner]);
            dims[axis] = output[axis];
            current = c.Call("odla_AveragePool", $"{reshaped}, ODLA_CHANNELS_FIRST, {m.UInt32Array([window[i], 1])}, " +
                $"{m.UInt32Array([geometry.Strides[i], 1])}, {m.UInt32Array([geometry.Front[i], 0])}, " +
                $"{m.UInt32Array([geometry.Back[i], 0])}, 1, {m.Shape([1, outer, dims[axis], inner])}");
        }
        return c.EmitReshape(current, output);
    }
}
