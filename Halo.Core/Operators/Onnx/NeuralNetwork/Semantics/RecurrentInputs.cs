using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>The operands and attributes of RNN, GRU or LSTM, read once: X in (seq, batch, input) order whatever
/// the layout, weights per direction, per-batch sequence lengths, initial states and activations.</summary>
internal sealed class RecurrentInputs
{
    private RecurrentInputs(EvaluationContext ctx, int gates)
    {
        Ctx = ctx;
        Gates = gates;
        string direction = ctx.GetString("direction", "forward") ?? "forward";
        if (direction is not ("forward" or "reverse" or "bidirectional"))
        {
            ctx.Fail($"direction '{direction}' must be forward, reverse or bidirectional");
        }
        Reverse = direction == "reverse";
        Directions = direction == "bidirectional" ? 2 : 1;
        BatchMajor = ctx.GetInt("layout", 0) == 1;
        long[] xd = NnData.Dims(ctx, 0);
        long[] rd = NnData.Dims(ctx, 2);
        if (xd.Length != 3 || rd.Length != 3 || NnData.Dims(ctx, 1).Length != 3)
        {
            ctx.Fail("X, W and R must have rank 3");
        }
        Sequence = (int)(BatchMajor ? xd[1] : xd[0]);
        Batch = (int)(BatchMajor ? xd[0] : xd[1]);
        InputSize = (int)xd[2];
        Hidden = (int)rd[2];
        X = NnData.Doubles(ctx, 0);
        if (BatchMajor)
        {
            X = SwapLeading(X, Batch, Sequence, InputSize);
        }
        W = NnData.Doubles(ctx, 1);
        R = NnData.Doubles(ctx, 2);
        B = NnData.OptionalDoubles(ctx, 3) ?? new double[Directions * 2 * gates * Hidden];
        if (W.Length != Directions * gates * Hidden * InputSize || R.Length != Directions * gates * Hidden * Hidden
            || B.Length != Directions * 2 * gates * Hidden)
        {
            ctx.Fail($"W, R or B does not fit {Directions} directions of {gates} gates of hidden size {Hidden}");
        }
        Lengths = ReadLengths(ctx);
        InitialH = ReadState(ctx, 5);
        Clip = ctx.Attr("clip") is { Kind: IR.Attributes.AttributeKind.Float } c ? c.AsFloat() : double.PositiveInfinity;
    }

    /// <summary>The evaluation context.</summary>
    public EvaluationContext Ctx { get; }

    /// <summary>The number of gates (RNN 1, GRU 3, LSTM 4).</summary>
    public int Gates { get; }

    /// <summary>Whether the only direction is reverse.</summary>
    public bool Reverse { get; }

    /// <summary>1 or 2.</summary>
    public int Directions { get; }

    /// <summary>Layout 1: X, Y and the states are batch-major.</summary>
    public bool BatchMajor { get; }

    /// <summary>Sequence length.</summary>
    public int Sequence { get; }

    /// <summary>Batch size.</summary>
    public int Batch { get; }

    /// <summary>Input size.</summary>
    public int InputSize { get; }

    /// <summary>Hidden size.</summary>
    public int Hidden { get; }

    /// <summary>X as (seq, batch, input).</summary>
    public double[] X { get; }

    /// <summary>W (dirs, gates * hidden, input).</summary>
    public double[] W { get; }

    /// <summary>R (dirs, gates * hidden, hidden).</summary>
    public double[] R { get; }

    /// <summary>B (dirs, 2 * gates * hidden): Wb then Rb.</summary>
    public double[] B { get; }

    /// <summary>Per-batch sequence lengths.</summary>
    public int[] Lengths { get; }

    /// <summary>Initial hidden state as (dirs, batch, hidden), or zeros.</summary>
    public double[] InitialH { get; }

    /// <summary>The clip threshold (infinite when absent).</summary>
    public double Clip { get; }

    /// <summary>Reads the operands of a cell with <paramref name="gates"/> gates.</summary>
    public static RecurrentInputs Read(EvaluationContext ctx, int gates) => new(ctx, gates);

    /// <summary>Whether direction <paramref name="d"/> runs backwards in time.</summary>
    public bool Backward(int d) => d == 1 || Reverse;

    /// <summary>The state operand <paramref name="index"/> as (dirs, batch, hidden), or zeros.</summary>
    public double[] ReadState(EvaluationContext ctx, int index)
    {
        double[]? s = NnData.OptionalDoubles(ctx, index);
        if (s is null)
        {
            return new double[Directions * Batch * Hidden];
        }
        if (s.Length != Directions * Batch * Hidden)
        {
            ctx.Fail($"initial state {index} must have {Directions * Batch * Hidden} values");
        }
        return BatchMajor ? SwapLeading(s, Batch, Directions, Hidden) : s;
    }

    /// <summary>The activations, as many per direction as <paramref name="defaults"/>, those defaults when absent.</summary>
    public Activation[] Activations(string[] defaults)
    {
        int per = defaults.Length;
        string[] names = Ctx.Attr("activations") is { Kind: IR.Attributes.AttributeKind.Strings } a ? [.. a.AsStrings()] : [];
        float[] alphas = Ctx.Attr("activation_alpha") is { Kind: IR.Attributes.AttributeKind.Floats } al ? [.. al.AsFloats()] : [];
        float[] betas = Ctx.Attr("activation_beta") is { Kind: IR.Attributes.AttributeKind.Floats } be ? [.. be.AsFloats()] : [];
        var result = new Activation[per * Directions];
        int ai = 0, bi = 0;
        for (int i = 0; i < result.Length; i++)
        {
            string name = names.Length == 0 ? defaults[i % per] : names[i % names.Length];
            if (!Activation.IsKnown(name))
            {
                Ctx.Fail($"unknown activation '{name}'");
            }
            double alpha = Activation.TakesAlpha(name, out double da) ? (ai < alphas.Length ? alphas[ai++] : da) : da;
            double beta = Activation.TakesBeta(name, out double db) ? (bi < betas.Length ? betas[bi++] : db) : db;
            result[i] = new Activation(name.ToUpperInvariant(), alpha, beta);
        }
        return result;
    }

    /// <summary>The pre-activations of every gate for direction <paramref name="d"/>, batch row <paramref name="b"/>
    /// at time <paramref name="t"/>: X·Wᵀ + Wb into <paramref name="xw"/>, H·Rᵀ + Rb into <paramref name="hr"/>.</summary>
    public void Project(int d, int t, int b, double[] h, double[] xw, double[] hr)
    {
        int rows = Gates * Hidden;
        int xBase = ((t * Batch) + b) * InputSize;
        for (int r = 0; r < rows; r++)
        {
            double sx = B[(d * 2 * rows) + r];
            int wBase = ((d * rows) + r) * InputSize;
            for (int i = 0; i < InputSize; i++)
            {
                sx += X[xBase + i] * W[wBase + i];
            }
            double sh = B[(d * 2 * rows) + rows + r];
            int rBase = ((d * rows) + r) * Hidden;
            for (int k = 0; k < Hidden; k++)
            {
                sh += h[k] * R[rBase + k];
            }
            xw[r] = sx;
            hr[r] = sh;
        }
    }

    /// <summary>Clips a pre-activation to [-clip, clip].</summary>
    public double Clamp(double v) => System.Math.Clamp(v, -Clip, Clip);

    /// <summary>Sets Y from (seq, dirs, batch, hidden) and a state result from (dirs, batch, hidden), transposing for layout 1.</summary>
    public void SetOutputs(double[] y, int stateIndex, double[] state, bool setY)
    {
        if (setY)
        {
            long[] yd = BatchMajor ? [Batch, Sequence, Directions, Hidden] : [Sequence, Directions, Batch, Hidden];
            NnData.Set(Ctx, 0, BatchMajor ? ToBatchMajor(y) : y, yd);
        }
        long[] sd = BatchMajor ? [Batch, Directions, Hidden] : [Directions, Batch, Hidden];
        NnData.Set(Ctx, stateIndex, BatchMajor ? SwapLeading(state, Directions, Batch, Hidden) : state, sd);
    }

    private double[] ToBatchMajor(double[] y)
    {
        var result = new double[y.Length];
        for (int t = 0; t < Sequence; t++)
        {
            for (int d = 0; d < Directions; d++)
            {
                for (int b = 0; b < Batch; b++)
                {
                    Array.Copy(y, (((t * Directions) + d) * Batch + b) * Hidden, result, (((b * Sequence) + t) * Directions + d) * Hidden, Hidden);
                }
            }
        }
        return result;
    }

    private int[] ReadLengths(EvaluationContext ctx)
    {
        var lengths = new int[Batch];
        long[]? given = ctx.HasInput(4) ? NnData.Int64s(ctx, 4) : null;
        if (given is not null && given.Length != Batch)
        {
            ctx.Fail($"sequence_lens must have {Batch} values");
        }
        for (int b = 0; b < Batch; b++)
        {
            long len = given?[b] ?? Sequence;
            if (len < 0 || len > Sequence)
            {
                ctx.Fail($"sequence length {len} is outside [0, {Sequence}]");
            }
            lengths[b] = (int)len;
        }
        return lengths;
    }

    /// <summary>Swaps the two leading axes of an (a, b, inner) array.</summary>
    private static double[] SwapLeading(double[] v, int a, int b, int inner)
    {
        var result = new double[v.Length];
        for (int i = 0; i < a; i++)
        {
            for (int j = 0; j < b; j++)
            {
                Array.Copy(v, ((i * b) + j) * inner, result, ((j * a) + i) * inner, inner);
            }
        }
        return result;
    }
}
