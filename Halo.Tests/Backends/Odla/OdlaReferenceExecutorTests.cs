using System.Collections.Immutable;
using Halo.Backends.Odla;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Operators;
using Halo.Core.Semantics;
using Halo.Odla.Native.Toolchain;
using Halo.Tests.Frontends.Onnx;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>The <c>odla-reference</c> executor and its batches on small graphs built in code: results, per-model
/// failures inside a batch, and every failure as a diagnostic.</summary>
[TestFixture]
[Category("Native")]
public sealed class OdlaReferenceExecutorTests
{
    private static OperatorRegistry Registry => new GraphBuilder().Registry;

    private static Graph Relu() => OdlaTestGraphs.SingleOp("Relu", null, 1, OdlaTestGraphs.F32(2, 3));

    private static Graph AddConstant() => OdlaTestGraphs.SingleOp("Add", null, 1, OdlaTestGraphs.F32(2, 2),
        OdlaTestGraphs.Floats([2, 2], 1, 2, 3, 4));

    private static TensorValue Input(params float[] values) => new(TensorData.FromFloats(values, values.Length == 6 ? [2, 3] : [2, 2]));

    [TestCase(OdlaTarget.Cxx)]
    [TestCase(OdlaTarget.C)]
    public void Batch_TwoModelsWithWeights_EachRunsItsOwnEntry(OdlaTarget target)
    {
        var batch = OdlaModelBatch.Build([new("relu", Relu()), new("add", AddConstant()), new("add2", AddConstant())], Registry,
            new OdlaBuildSettings { Target = target });
        var bag = new DiagnosticBag();

        using var relu = batch.Prepare(0, bag);
        using var add = batch.Prepare(2, bag);

        Assert.That(bag.ToImmutable(), Is.Empty);
        var y = ((TensorValue)relu!.Run([Input(-1, 2, -3, 4, -5, 6)])[0]).Data;
        Assert.That(y.AsSpan<float>().ToArray(), Is.EqualTo(new float[] { 0, 2, 0, 4, 0, 6 }));
        var z = ((TensorValue)add!.Run([Input(1, 1, 1, 1)])[0]).Data;
        Assert.That(z.AsSpan<float>().ToArray(), Is.EqualTo(new float[] { 2, 3, 4, 5 }));
    }

    [Test]
    public void Batch_ModelWithoutLowering_ReportsHALO4101AndOthersStillRun()
    {
        var unsupported = OdlaTestGraphs.SingleOp("NonZero", null, 1, OdlaTestGraphs.F32(3, 3));
        var batch = OdlaModelBatch.Build([new("nonzero", unsupported), new("relu", Relu())], Registry, new OdlaBuildSettings());
        var failed = new DiagnosticBag();
        var ok = new DiagnosticBag();

        Assert.That(batch.Prepare(0, failed), Is.Null);
        using var relu = batch.Prepare(1, ok);

        Assert.That(failed.ToImmutable().Select(d => d.Id), Does.Contain("HALO4101"));
        Assert.That(failed.ToImmutable().First(d => d.Id == "HALO4101").Message, Does.Contain("NonZero"));
        Assert.That(ok.ToImmutable(), Is.Empty);
        Assert.That(relu, Is.Not.Null);
    }

    [Test]
    public void Prepare_MissingCompiler_ReportsHALO5001()
    {
        var settings = new OdlaBuildSettings { Toolchain = NativeToolchainOptions.Default with { CompilerPath = "/nonexistent/halo-cc" } };
        var bag = new DiagnosticBag();

        var prepared = OdlaModelBatch.Build([new("relu", Relu())], Registry, settings).Prepare(0, bag);

        Assert.That(prepared, Is.Null);
        Assert.That(bag.ToImmutable().Select(d => d.Id), Is.EqualTo(new[] { "HALO5001" }));
    }

    [Test]
    public void Prepare_CompilerRejectsSource_ReportsHALO5002WithCompilerMessage()
    {
        using var dir = new TempDirectory();
        string compiler = dir.File("g++");
        File.WriteAllText(compiler, "#!/bin/sh\necho \"model.cc:1:1: error: injected compiler failure\" >&2\nexit 1\n");
        Assume.That(OperatingSystem.IsWindows(), Is.False, "a shell-script compiler");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(compiler, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var settings = new OdlaBuildSettings
        {
            Toolchain = NativeToolchainOptions.Default with { CompilerPath = compiler },
            CacheDirectory = dir.File("cache"),
        };
        var bag = new DiagnosticBag();

        var prepared = OdlaModelBatch.Build([new("relu", Relu())], Registry, settings).Prepare(0, bag);

        Assert.That(prepared, Is.Null);
        var error = bag.ToImmutable().Single(d => d.IsError);
        Assert.That(error.Id, Is.EqualTo("HALO5002"));
        Assert.That(error.Message, Does.Contain("injected compiler failure"));
    }

    [Test]
    public void Prepare_MissingRuntime_ReportsHALO4950()
    {
        using var dir = new TempDirectory();
        var bag = new DiagnosticBag();

        var prepared = OdlaModelBatch.Build([new("relu", Relu())], Registry, new OdlaBuildSettings { RuntimeDirectory = dir.Path }).Prepare(0, bag);

        Assert.That(prepared, Is.Null);
        Assert.That(bag.ToImmutable().Single().Id, Is.EqualTo("HALO4950"));
    }

    [Test]
    public void Prepare_ReadOnlyCache_ReportsHALO4951()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("blocker"), "a file where the cache folder should be");
        var bag = new DiagnosticBag();

        var prepared = OdlaModelBatch.Build([new("relu", Relu())], Registry, new OdlaBuildSettings { CacheDirectory = dir.File("blocker") })
            .Prepare(0, bag);

        Assert.That(prepared, Is.Null);
        Assert.That(bag.ToImmutable().Single().Id, Is.EqualTo("HALO4951"));
    }

    [Test]
    public void Run_InputOfWrongShape_ThrowsEvaluationException()
    {
        var bag = new DiagnosticBag();
        using var relu = OdlaModelBatch.Build([new("relu", Relu())], Registry, new OdlaBuildSettings()).Prepare(0, bag);

        Assert.That(() => relu!.Run([Input(1, 2, 3, 4)]), Throws.TypeOf<EvaluationException>().With.Message.Contains("f32[2,3]"));
        Assert.That(() => relu!.Run(ImmutableArray<RuntimeValue>.Empty), Throws.TypeOf<EvaluationException>());
    }
}
