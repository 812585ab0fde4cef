using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>An attention operand in (batch, heads, length, size) order.</summary>
/// <param name="Data">The values.</param>
/// <param name="Batch">Batch size.</param>
/// <param name="Heads">Head count.</param>
/// <param name="Length">Sequence length.</param>
/// <param name="Size">Head size.</param>
internal sealed record HeadTensor(double[] Data, int Batch, int Heads, int Length, int Size)
{
    /// <summary>The flat offset of row (b, h, l).</summary>
    public int Row(int b, int h, int l) => (((b * Heads) + h) * Length + l) * Size;

    /// <summary>The dimensions.</summary>
    public long[] Dims => [Batch, Heads, Length, Size];

    /// <summary>Reads operand <paramref name="index"/>: 4-D as is, 3-D (batch, length, heads * size) split into
    /// <paramref name="heads"/> heads.</summary>
    public static HeadTensor Read(EvaluationContext ctx, int index, long heads)
    {
        long[] d = NnData.Dims(ctx, index);
        double[] x = NnData.Doubles(ctx, index);
        if (d.Length == 4)
        {
            return new HeadTensor(x, (int)d[0], (int)d[1], (int)d[2], (int)d[3]);
        }
        if (d.Length != 3 || heads < 1 || d[2] % heads != 0)
        {
            ctx.Fail($"operand {index} must be 4-D, or 3-D with a hidden size divisible by {heads} heads");
        }
        int b = (int)d[0], l = (int)d[1], h = (int)heads, e = (int)(d[2] / heads);
        var result = new HeadTensor(new double[x.Length], b, h, l, e);
        for (int bi = 0; bi < b; bi++)
        {
            for (int li = 0; li < l; li++)
            {
                for (int hi = 0; hi < h; hi++)
                {
                    Array.Copy(x, (((bi * l) + li) * h + hi) * e, result.Data, result.Row(bi, hi, li), e);
                }
            }
        }
        return result;
    }

    /// <summary>This tensor with operand <paramref name="pastIndex"/> (if any) prepended along the length axis.</summary>
    public HeadTensor AfterPast(EvaluationContext ctx, int pastIndex)
    {
        if (!ctx.HasInput(pastIndex))
        {
            return this;
        }
        var past = Read(ctx, pastIndex, Heads);
        if (past.Batch != Batch || past.Heads != Heads || past.Size != Size)
        {
            ctx.Fail($"past operand {pastIndex} does not match the current keys or values");
        }
        var result = new HeadTensor(new double[Data.Length + past.Data.Length], Batch, Heads, Length + past.Length, Size);
        for (int b = 0; b < Batch; b++)
        {
            for (int h = 0; h < Heads; h++)
            {
                Array.Copy(past.Data, past.Row(b, h, 0), result.Data, result.Row(b, h, 0), past.Length * Size);
                Array.Copy(Data, Row(b, h, 0), result.Data, result.Row(b, h, past.Length), Length * Size);
            }
        }
        return result;
    }

    /// <summary>The values in (batch, length, heads * size) order.</summary>
    public double[] ToPacked()
    {
        var result = new double[Data.Length];
        for (int b = 0; b < Batch; b++)
        {
            for (int h = 0; h < Heads; h++)
            {
                for (int l = 0; l < Length; l++)
                {
                    Array.Copy(Data, Row(b, h, l), result, (((b * Length) + l) * Heads + h) * Size, Size);
                }
            }
        }
        return result;
    }
}
