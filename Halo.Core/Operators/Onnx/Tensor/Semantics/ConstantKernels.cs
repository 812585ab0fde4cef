using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Constant (every value_* form; sparse values densified).</summary>
internal static class ConstantKernels
{
    public static void Constant(EvaluationContext ctx)
    {
        var a = ctx.Attributes;
        TensorData result;
        if (a.TryGetValue("value", out var v))
        {
            result = v.AsTensor();
        }
        else if (a.TryGetValue("sparse_value", out var sp))
        {
            result = Densify(ctx, sp.AsSparseTensor());
        }
        else if (a.TryGetValue("value_float", out var f))
        {
            result = TensorData.FromFloats([f.AsFloat()]);
        }
        else if (a.TryGetValue("value_floats", out var fs))
        {
            result = TensorData.FromFloats(fs.AsFloats().AsSpan(), fs.AsFloats().Length);
        }
        else if (a.TryGetValue("value_int", out var i))
        {
            result = TensorData.FromInt64s([i.AsInt()]);
        }
        else if (a.TryGetValue("value_ints", out var ints))
        {
            result = TensorData.FromInt64s(ints.AsInts().AsSpan(), ints.AsInts().Length);
        }
        else if (a.TryGetValue("value_string", out var s))
        {
            result = TensorData.FromStrings([s.AsString()], []);
        }
        else if (a.TryGetValue("value_strings", out var ss))
        {
            result = TensorData.FromStrings(ss.AsStrings(), [ss.AsStrings().Length]);
        }
        else
        {
            ctx.Fail("no value attribute is given");
            return;
        }
        ctx.SetOutput(0, result);
    }

    /// <summary>The dense form of a sparse tensor: indices are [NNZ] linear or [NNZ, rank] coordinates.</summary>
    public static TensorData Densify(EvaluationContext ctx, SparseTensorData sparse)
    {
        var dims = sparse.Dimensions;
        long n = TensorData.CheckedElementCount(dims);
        var writer = new ElementWriter(sparse.Values.ElementType, n);
        long[] indices = IndexMath.Longs(sparse.Indices);
        long nnz = sparse.Values.ElementCount;
        var strides = IndexMath.Strides(dims);
        bool coordinates = sparse.Indices.Dimensions.Length == 2;
        for (long k = 0; k < nnz; k++)
        {
            long flat = 0;
            if (coordinates)
            {
                for (int d = 0; d < dims.Length; d++)
                {
                    flat += indices[k * dims.Length + d] * strides[d];
                }
            }
            else
            {
                flat = indices[k];
            }
            if (flat < 0 || flat >= n)
            {
                ctx.Fail($"sparse index {flat} is out of range");
            }
            writer.Copy(flat, sparse.Values, k);
        }
        return writer.Build(dims);
    }

    public static void ConstantOfShape(EvaluationContext ctx)
    {
        long[] shape = IndexMath.Longs(ctx.Tensor(0));
        var dims = ImmutableArray.Create(shape);
        if (shape.Any(d => d < 0))
        {
            ctx.Fail("negative dimension");
        }
        long n = CountOf(dims);
        TensorData value = ctx.Attr("value") is { Kind: AttributeKind.Tensor } t ? t.AsTensor() : TensorData.FromFloats([0f]);
        var writer = new ElementWriter(value.ElementType, n);
        for (long i = 0; i < n; i++)
        {
            writer.Copy(i, value, 0);
        }
        ctx.SetOutput(0, writer.Build(dims));
    }

    public static void EyeLike(EvaluationContext ctx)
    {
        var input = ctx.Tensor(0);
        var type = IndexMath.OutputElementType(ctx, 0);
        if (input.Dimensions.Length != 2)
        {
            ctx.Fail("the input must be 2-D");
        }
        long rows = input.Dimensions[0], cols = input.Dimensions[1], k = ctx.GetInt("k", 0);
        ElementWriter.Check(rows * cols);
        var values = new long[rows * cols];
        for (long r = 0; r < rows; r++)
        {
            long c = r + k;
            if (c >= 0 && c < cols)
            {
                values[r * cols + c] = 1;
            }
        }
        ctx.SetOutput(0, TensorFactory.FromInt64s(type, values, input.Dimensions));
    }

    public static void Range(EvaluationContext ctx)
    {
        var type = ctx.Tensor(0).ElementType;
        if (type.IsFloatingPoint())
        {
            double start = IndexMath.Doubles(ctx.Tensor(0))[0], limit = IndexMath.Doubles(ctx.Tensor(1))[0];
            double delta = IndexMath.Doubles(ctx.Tensor(2))[0];
            double count = System.Math.Max(System.Math.Ceiling((limit - start) / delta), 0);
            ElementWriter.Check(double.IsNaN(count) ? -1 : count > ElementWriter.MaxElements ? -1 : (long)count);
            var values = new double[(long)count];
            for (long i = 0; i < values.Length; i++)
            {
                values[i] = start + i * delta;
            }
            ctx.SetOutput(0, TensorFactory.FromDoubles(type, values, [values.Length]));
            return;
        }
        long s = IndexMath.Longs(ctx.Tensor(0))[0], l = IndexMath.Longs(ctx.Tensor(1))[0], d = IndexMath.Longs(ctx.Tensor(2))[0];
        if (d == 0)
        {
            ctx.Fail("delta is zero");
        }
        long n = System.Math.Max(0, (long)System.Math.Ceiling(((double)l - s) / d));
        ElementWriter.Check(n);
        var longs = new long[n];
        for (long i = 0; i < n; i++)
        {
            longs[i] = s + i * d;
        }
        ctx.SetOutput(0, TensorFactory.FromInt64s(type, longs, [n]));
    }

    /// <summary>The element count of <paramref name="dims"/>, failing as bad data when too large.</summary>
    public static long CountOf(ImmutableArray<long> dims)
    {
        try
        {
            long n = TensorData.CheckedElementCount(dims);
            ElementWriter.Check(n);
            return n;
        }
        catch (ArgumentException e)
        {
            throw new EvaluationException(e.Message);
        }
    }
}
