using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>RNN, GRU and LSTM: forward, reverse or bidirectional, layout 0 or 1, sequence lengths, initial
/// states, clip, activations with alpha and beta, GRU linear_before_reset, LSTM peepholes and input_forget.</summary>
internal static class RecurrentKernels
{
    private delegate void Step(int d, int t, int b, double[] h, double[] c);

    /// <summary>RNN (all versions).</summary>
    public static void Rnn(EvaluationContext ctx)
    {
        var r = RecurrentInputs.Read(ctx, 1);
        var acts = r.Activations(["Tanh"]);
        int hs = r.Hidden;
        var xw = new double[hs];
        var hr = new double[hs];
        Run(r, (d, t, b, h, _) =>
        {
            r.Project(d, t, b, h, xw, hr);
            for (int j = 0; j < hs; j++)
            {
                h[j] = acts[d].Apply(r.Clamp(xw[j] + hr[j]));
            }
        }, withCell: false);
    }

    /// <summary>GRU (all versions; linear_before_reset from 3).</summary>
    public static void Gru(EvaluationContext ctx)
    {
        var r = RecurrentInputs.Read(ctx, 3);
        var acts = r.Activations(["Sigmoid", "Tanh"]);
        bool linearBeforeReset = ctx.GetInt("linear_before_reset", 0) != 0;
        int hs = r.Hidden;
        var xw = new double[3 * hs];
        var hr = new double[3 * hs];
        var reset = new double[hs];
        var z = new double[hs];
        Run(r, (d, t, b, h, _) =>
        {
            r.Project(d, t, b, h, xw, hr);
            var f = acts[2 * d];
            var g = acts[(2 * d) + 1];
            for (int j = 0; j < hs; j++)
            {
                z[j] = f.Apply(r.Clamp(xw[j] + hr[j]));
                reset[j] = f.Apply(r.Clamp(xw[hs + j] + hr[hs + j]));
            }
            for (int j = 0; j < hs; j++)
            {
                double recurrent = linearBeforeReset ? reset[j] * hr[(2 * hs) + j] : ResetProjection(r, d, j, reset, h);
                double candidate = g.Apply(r.Clamp(xw[(2 * hs) + j] + recurrent));
                reset[j] = ((1 - z[j]) * candidate) + (z[j] * h[j]);
            }
            Array.Copy(reset, h, hs);
        }, withCell: false);
    }

    /// <summary>LSTM (all versions).</summary>
    public static void Lstm(EvaluationContext ctx)
    {
        var r = RecurrentInputs.Read(ctx, 4);
        var acts = r.Activations(["Sigmoid", "Tanh", "Tanh"]);
        bool inputForget = ctx.GetInt("input_forget", 0) != 0;
        int hs = r.Hidden;
        double[] p = NnData.OptionalDoubles(ctx, 7) ?? new double[r.Directions * 3 * hs];
        if (p.Length != r.Directions * 3 * hs)
        {
            ctx.Fail($"P must have {r.Directions * 3 * hs} values");
        }
        var xw = new double[4 * hs];
        var hr = new double[4 * hs];
        Run(r, (d, t, b, h, c) =>
        {
            r.Project(d, t, b, h, xw, hr);
            var f = acts[3 * d];
            var g = acts[(3 * d) + 1];
            var hAct = acts[(3 * d) + 2];
            int pb = d * 3 * hs;
            for (int j = 0; j < hs; j++)
            {
                double i = f.Apply(r.Clamp(xw[j] + hr[j] + (p[pb + j] * c[j])));
                double forget = inputForget ? 1 - i
                    : f.Apply(r.Clamp(xw[(2 * hs) + j] + hr[(2 * hs) + j] + (p[pb + (2 * hs) + j] * c[j])));
                double cell = g.Apply(r.Clamp(xw[(3 * hs) + j] + hr[(3 * hs) + j]));
                c[j] = (forget * c[j]) + (i * cell);
                double o = f.Apply(r.Clamp(xw[hs + j] + hr[hs + j] + (p[pb + hs + j] * c[j])));
                h[j] = o * hAct.Apply(c[j]);
            }
        }, withCell: true);
    }

    /// <summary>(reset ⊙ H)·Rhᵀ + Rbh for unit <paramref name="j"/> (GRU without linear_before_reset).</summary>
    private static double ResetProjection(RecurrentInputs r, int d, int j, double[] reset, double[] h)
    {
        int hs = r.Hidden, rows = 3 * hs;
        double sum = r.B[(d * 2 * rows) + rows + (2 * hs) + j];
        int rBase = ((d * rows) + (2 * hs) + j) * hs;
        for (int k = 0; k < hs; k++)
        {
            sum += reset[k] * h[k] * r.R[rBase + k];
        }
        return sum;
    }

    private static void Run(RecurrentInputs r, Step step, bool withCell)
    {
        int hs = r.Hidden, batch = r.Batch;
        var y = new double[NnData.Count(r.Ctx, [r.Sequence, r.Directions, batch, hs])];
        var finalH = (double[])r.InitialH.Clone();
        var finalC = withCell ? r.ReadState(r.Ctx, 6) : [];
        var h = new double[hs];
        var c = new double[hs];
        for (int d = 0; d < r.Directions; d++)
        {
            for (int b = 0; b < batch; b++)
            {
                int state = ((d * batch) + b) * hs;
                Array.Copy(finalH, state, h, 0, hs);
                if (withCell)
                {
                    Array.Copy(finalC, state, c, 0, hs);
                }
                int len = r.Lengths[b];
                for (int s = 0; s < len; s++)
                {
                    int t = r.Backward(d) ? len - 1 - s : s;
                    step(d, t, b, h, c);
                    Array.Copy(h, 0, y, ((((t * r.Directions) + d) * batch) + b) * hs, hs);
                }
                Array.Copy(h, 0, finalH, state, hs);
                if (withCell)
                {
                    Array.Copy(c, 0, finalC, state, hs);
                }
            }
        }
        r.SetOutputs(y, 1, finalH, setY: true);
        if (withCell)
        {
            r.SetOutputs(y, 2, finalC, setY: false);
        }
    }
}
