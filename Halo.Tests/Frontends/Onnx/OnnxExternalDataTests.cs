using Halo.Core.IR.Green;
using Halo.Frontends.Onnx.Protos;
using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

[TestFixture]
public sealed class OnnxExternalDataTests
{
    private static readonly byte[] s_floats = [.. BitConverter.GetBytes(1.5f), .. BitConverter.GetBytes(-2f)];

    private static ModelProto ModelWithExternal(string location, long? offset = null, long? length = null)
    {
        var w = new TensorProto { Name = "w", DataType = Float, DataLocation = TensorProto.Types.DataLocation.External };
        w.Dims.Add(2);
        w.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = location });
        if (offset is { } o)
        {
            w.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = o.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        if (length is { } l)
        {
            w.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = l.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        var graph = Graph("g", [], [Untyped("w")]);
        graph.Initializer.Add(w);
        return Model(graph);
    }

    [Test]
    public void Import_ExternalDataWithOffset_ReadsBytes()
    {
        using var dir = new TempDirectory();
        dir.Write("weights/data.bin", [0xAA, 0xBB, 0xCC, .. s_floats, 0xDD]);
        string model = dir.Write("model.onnx", ModelWithExternal("weights/data.bin", offset: 3, length: 8));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var constant = (GreenConstant)result.Model!.Graph.Outputs[0].Producer!;
        Assert.That(constant.Data!.AsSpan<float>().ToArray(), Is.EqualTo(new[] { 1.5f, -2f }));
    }

    [Test]
    public void Import_ExternalDataWithoutLength_ReadsToEndOfFile()
    {
        using var dir = new TempDirectory();
        dir.Write("data.bin", s_floats);
        string model = dir.Write("model.onnx", ModelWithExternal("data.bin"));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
    }

    [Test]
    public void Import_ExternalDataParentEscape_ReportsHALO1003()
    {
        using var outside = new TempDirectory();
        using var dir = new TempDirectory();
        outside.Write("secret.bin", s_floats);
        string relative = Path.Combine("..", Path.GetFileName(outside.Path), "secret.bin");
        string model = dir.Write("model.onnx", ModelWithExternal(relative));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.WithId("HALO1003").Single().Message, Does.Contain("outside the model's folder"));
    }

    [Test]
    public void Import_ExternalDataAbsolutePath_ReportsHALO1003()
    {
        using var dir = new TempDirectory();
        string data = dir.Write("data.bin", s_floats);
        string model = dir.Write("model.onnx", ModelWithExternal(data));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.WithId("HALO1003").Single().Message, Does.Contain("absolute"));
    }

    [Test]
    public void Import_ExternalDataSymlinkOutside_ReportsHALO1003()
    {
        using var outside = new TempDirectory();
        using var dir = new TempDirectory();
        string secret = outside.Write("secret.bin", s_floats);
        File.CreateSymbolicLink(dir.File("data.bin"), secret);
        string model = dir.Write("model.onnx", ModelWithExternal("data.bin"));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.WithId("HALO1003").Single().Message, Does.Contain("resolves outside"));
    }

    [Test]
    public void Import_ExternalDataThroughDirectorySymlinkOutside_ReportsHALO1003()
    {
        using var outside = new TempDirectory();
        using var dir = new TempDirectory();
        outside.Write("secret.bin", s_floats);
        Directory.CreateSymbolicLink(dir.File("linked"), outside.Path);
        string model = dir.Write("model.onnx", ModelWithExternal("linked/secret.bin"));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.Ids(), Is.EqualTo(new[] { "HALO1003" }));
    }

    [Test]
    public void Import_ExternalDataSymlinkInside_Reads()
    {
        using var dir = new TempDirectory();
        string real = dir.Write("real/data.bin", s_floats);
        File.CreateSymbolicLink(dir.File("data.bin"), real);
        string model = dir.Write("model.onnx", ModelWithExternal("data.bin"));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
    }

    [Test]
    public void Import_ExternalDataMissingFile_ReportsHALO1003()
    {
        using var dir = new TempDirectory();
        string model = dir.Write("model.onnx", ModelWithExternal("nope.bin"));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.WithId("HALO1003").Single().Message, Does.Contain("does not exist"));
    }

    [TestCase(4L, 8L)]
    [TestCase(100L, null)]
    [TestCase(0L, 1_000_000_000_000L)]
    public void Import_ExternalDataOutOfRange_ReportsHALO1003(long offset, long? length)
    {
        using var dir = new TempDirectory();
        dir.Write("data.bin", s_floats);
        string model = dir.Write("model.onnx", ModelWithExternal("data.bin", offset, length));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.WithId("HALO1003").Single().Message, Does.Contain("outside"));
    }

    [Test]
    public void Import_ExternalDataBadOffset_ReportsHALO1003()
    {
        using var dir = new TempDirectory();
        dir.Write("data.bin", s_floats);
        var proto = ModelWithExternal("data.bin");
        proto.Graph.Initializer[0].ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = "-4" });
        string model = dir.Write("model.onnx", proto);

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.WithId("HALO1003").Single().Message, Does.Contain("offset"));
    }

    [Test]
    public void Import_ExternalDataWrongLength_ReportsHALO1004()
    {
        using var dir = new TempDirectory();
        dir.Write("data.bin", [.. s_floats, .. s_floats]);
        string model = dir.Write("model.onnx", ModelWithExternal("data.bin", 0, 12));

        var result = OnnxImportHelper.Import(model);

        Assert.That(result.WithId("HALO1004").Single().Message, Does.Contain("8 bytes"));
    }
}
