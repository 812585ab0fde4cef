using Halo.Backends.Odla;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla;

/// <summary>Each option's effect on the generated code.</summary>
[TestFixture]
public sealed class OdlaCodeGenOptionsTests
{
    private static readonly OdlaCodeGenOptions s_base = OdlaCodeGenOptions.Default with { EntryFunctionName = "m" };

    [Test]
    public void Target_C_WritesDotCWithoutCxxLinkage()
    {
        var artifacts = Generate(OdlaCodeGeneratorTests.Mnist(), s_base with { Target = OdlaTarget.C });
        Assert.That(artifacts.SourceFileName, Is.EqualTo("m.c"));
        Assert.That(artifacts.SourceText, Does.Contain("(C99, ODLA").And.Not.Contain("extern \"C\""));
    }

    [Test]
    public void Target_Cxx_DeclaresWeightsWithCLinkage()
    {
        var artifacts = Generate(OdlaCodeGeneratorTests.Mnist(), s_base);
        Assert.That(artifacts.SourceFileName, Is.EqualTo("m.cc"));
        Assert.That(artifacts.SourceText, Does.Contain("extern \"C\" {\nextern const unsigned char m_w0[31360];"));
    }

    [Test]
    public void EntryFunctionName_NamesEveryEntryPoint()
    {
        var artifacts = Generate(OdlaCodeGeneratorTests.Mnist(), s_base with { EntryFunctionName = "digits" });
        Assert.That(artifacts.HeaderText, Does.Contain("void digits(const float x[1 * 784]").And.Contain("digits_init").And.Contain("digits_run"));
        Assert.That(artifacts.HeaderFileName, Is.EqualTo("digits.h"));
    }

    [Test]
    public void OutputBaseName_NamesFilesAndInclude()
    {
        var artifacts = Generate(OdlaCodeGeneratorTests.Mnist(), s_base with { OutputBaseName = "model" });
        Assert.That(new[] { artifacts.SourceFileName, artifacts.HeaderFileName, artifacts.WeightsFileName }, Is.EqualTo(new[] { "model.cc", "model.h", "model.bin" }));
        Assert.That(artifacts.SourceText, Does.Contain("#include \"model.h\""));
    }

    [Test]
    public void EmitValueIdAsInt_UsesIntegerIds()
    {
        string source = Generate(OdlaCodeGeneratorTests.Mnist(), s_base with { EmitValueIdAsInt = true }).SourceText;
        Assert.That(source, Does.Contain("odla_CreateArgument(m_type(ODLA_FLOAT32, m_shape(2, a0)), (odla_value_id)(odla_size_t)1)"));
        Assert.That(source, Does.Contain("odla_BindToArgumentById((odla_value_id)(odla_size_t)1, inputs[0], ctx)"));
        Assert.That(source, Does.Not.Contain("(odla_value_id)\""));
    }

    [Test]
    public void ExecModeInterpret_BuildsExecutesAndDestroysPerRun()
    {
        string source = Generate(OdlaCodeGeneratorTests.Mnist(), s_base with { ExecMode = OdlaExecMode.Interpret }).SourceText;
        Assert.That(source, Does.Contain("odla_BindToArgument(v0, inputs[0], ctx)"));
        Assert.That(source, Does.Contain("odla_BindToOutput(v5, outputs[0], ctx)"));
        Assert.That(source, Does.Contain("if (comp != NULL) (void)odla_DestroyComputation(comp);"));
        Assert.That(source, Does.Not.Contain("m_comp").And.Not.Contain("odla_ReleaseValue"));
    }

    [Test]
    public void EmitValueReset_InInterpretMode_ReleasesValuesAfterLastUse()
    {
        string source = Generate(OdlaCodeGeneratorTests.Mnist(), s_base with { ExecMode = OdlaExecMode.Interpret, EmitValueReset = true }).SourceText;
        var lines = source.Split('\n').Select(l => l.Trim()).ToList();
        int gemm = lines.FindIndex(l => l.Contains("odla_Gemm(", StringComparison.Ordinal));
        int releaseX = lines.IndexOf("(void)odla_ReleaseValue(v0);");
        Assert.That(releaseX, Is.GreaterThan(gemm));
        Assert.That(lines.IndexOf("(void)odla_ReleaseValue(v4);"), Is.GreaterThan(lines.FindIndex(l => l.Contains("odla_Softmax(", StringComparison.Ordinal))));
        Assert.That(lines, Does.Not.Contain("(void)odla_ReleaseValue(v5);"), "the output is not released");
    }

    [Test]
    public void EmitValueReset_InCompileMode_HasNoEffect()
    {
        string source = Generate(OdlaCodeGeneratorTests.Mnist(), s_base with { EmitValueReset = true }).SourceText;
        Assert.That(source, Does.Not.Contain("odla_ReleaseValue"));
    }

    [Test]
    public void EmitDataAsC_WritesWeightsAsCArrays()
    {
        var artifacts = Generate(OdlaCodeGeneratorTests.Mnist(), s_base with { EmitDataAsC = true });
        Assert.That(artifacts.WeightsFileName, Is.EqualTo("m.data.c"));
        Assert.That(artifacts.WeightsObject, Is.Empty);
        Assert.That(artifacts.WeightsSource, Does.Contain("const unsigned char m_w0[31360] M_ALIGNED = {\n  0x00, 0x00, 0x00, 0x00, 0x6f, 0x12, 0x83, 0x3a,"));
    }

    [Test]
    public void AddOdlaCxx_RegistersGeneratorAndCxxDefaults()
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOdlaCxx(o => o with { EmitDataAsC = true }));
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetService<OdlaCodeGenerator>(), Is.Not.Null);
        var options = provider.GetRequiredService<OdlaCodeGenOptions>();
        Assert.That(options.Target, Is.EqualTo(OdlaTarget.Cxx));
        Assert.That(options.EmitDataAsC, Is.True);
    }

    [Test]
    public void AddOdlaC_RegistersC99Defaults()
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOdlaC());
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<OdlaCodeGenOptions>().Target, Is.EqualTo(OdlaTarget.C));
    }
}
