using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

/// <summary>Sessions whose kernels split work over the session's worker threads.</summary>
[TestFixture]
public sealed class InferenceSessionThreadingTests
{
    /// <summary>x[1,16,48,48] → Conv 3×3 (pad 1) → Relu → depthwise Conv 3×3 (stride 2) → Add(x strided) : big
    /// enough for every kernel to fork.</summary>
    private static Graph ConvNet()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 16, 48, 48));
        var w = b.AddConstant("w", TensorData.FromFloats(NaiveConv.RandomValues(16 * 16 * 9, 5), 16, 16, 3, 3));
        var conv = b.AddOp("Conv", [x, w], Attrs(("pads", new long[] { 1, 1, 1, 1 })))[0];
        var relu = b.AddOp("Relu", conv);
        var dw = b.AddConstant("dw", TensorData.FromFloats(NaiveConv.RandomValues(16 * 9, 6), 16, 1, 3, 3));
        var depthwise = b.AddOp("Conv", [relu, dw], Attrs(("group", 16L), ("pads", new long[] { 1, 1, 1, 1 })))[0];
        b.AddOutput(b.AddOp("Add", depthwise, relu), "y");
        return b.Build();
    }

    private static Dictionary<string, Tensor> Feeds(int seed) => new()
    {
        ["x"] = F(NaiveConv.RandomValues(16 * 48 * 48, seed), 1, 16, 48, 48),
    };

    private static InferenceSession Create(int threads) =>
        InferenceSession.Create(ConvNet(), new InferenceSessionOptions { MaxDegreeOfParallelism = threads }).Session!;

    [TestCase(2)]
    [TestCase(3)]
    public void Run_SeveralThreads_MatchesOneThread(int threads)
    {
        using var serial = Create(1);
        using var parallel = Create(threads);

        var expected = serial.Run(Feeds(1))["y"];
        var actual = parallel.Run(Feeds(1))["y"];

        TensorAssert.AllClose(expected, actual, 1e-5, 1e-5);
        Assert.That(parallel.Workers.LiveWorkers, Is.EqualTo(threads - 1));
    }

    [Test]
    public void Run_ConcurrentRunsSharingWorkers_EachMatchesItsSerialResult()
    {
        using var serial = Create(1);
        using var session = Create(2);
        var expected = Enumerable.Range(0, 4).Select(i => serial.Run(Feeds(i))["y"]).ToArray();
        var actual = new Tensor[16];

        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = session.Run(Feeds(i % 4))["y"]);

        for (int i = 0; i < actual.Length; i++)
        {
            TensorAssert.AllClose(expected[i % 4], actual[i], 1e-5, 1e-5);
        }
    }

    [Test]
    public void Dispose_AfterParallelRun_StopsTheWorkerThreads()
    {
        var session = Create(2);
        session.Run(Feeds(0));
        Assert.That(session.Workers.LiveWorkers, Is.EqualTo(1));

        session.Dispose();

        Assert.That(() => session.Workers.LiveWorkers, Is.Zero.After(5000, 10));
    }
}
