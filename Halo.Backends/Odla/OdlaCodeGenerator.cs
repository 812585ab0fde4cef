using System.Collections.Immutable;
using System.Globalization;
using Halo.Backends.Odla.Elf;
using Halo.Backends.Odla.Emit;
using Halo.Backends.Odla.Lowering;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;

namespace Halo.Backends.Odla;

/// <summary>
/// Generates ODLA C++ or C code for a graph: the source that builds the computation with ODLA calls, the header
/// with the entry point, and the weights (an ELF object or a C file). Every operator without a lowering and every
/// value without a static ODLA type is reported at once before anything is generated. Stateless and thread-safe;
/// the same graph and options give the same bytes.
/// </summary>
public sealed class OdlaCodeGenerator
{
    private readonly LoweringTable _table = LoweringTable.Default;

    /// <summary>Generates the artifacts for <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph; every value must have a static shape (pin inputs with shape passes first).</param>
    /// <param name="options">The settings; null for <see cref="OdlaCodeGenOptions.Default"/>.</param>
    /// <returns>The artifacts, or null artifacts and the errors.</returns>
    public OdlaCodeGenResult Generate(Graph graph, OdlaCodeGenOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= OdlaCodeGenOptions.Default;
        var diagnostics = new DiagnosticBag();
        string entryName = options.EntryFunctionName ?? DefaultEntryName(graph.Name);
        if (!Emit.CSyntax.IsIdentifier(entryName))
        {
            diagnostics.Report(OdlaDiagnostics.InvalidEntryName, null, entryName);
            return new OdlaCodeGenResult(null, diagnostics.ToImmutable());
        }
        var module = new OdlaModule(entryName, options);
        var translator = new GraphTranslator(graph, module, _table, diagnostics);
        if (!translator.Check() || !translator.Lower() || diagnostics.HasErrors)
        {
            return new OdlaCodeGenResult(null, diagnostics.ToImmutable());
        }
        var entry = CreateSignature(graph, entryName);
        string baseName = options.OutputBaseName ?? entryName;
        string headerFileName = baseName + ".h";
        string source = SourceEmitter.Emit(module, entry, translator.ArgumentIds, translator.Outputs, headerFileName, graph.Name);
        string header = HeaderEmitter.Emit(entry, graph.Name);
        var symbols = module.Constants.Where(c => c.Bytes.Length > 0).ToList();
        var artifacts = options.EmitDataAsC
            ? new OdlaArtifacts(baseName + SourceExtension(options), source, headerFileName, header, baseName + ".data.c",
                ImmutableArray<byte>.Empty, DataSourceEmitter.Emit(entryName, symbols), entry)
            : new OdlaArtifacts(baseName + SourceExtension(options), source, headerFileName, header, baseName + ".bin",
                ElfObjectWriter.Write([.. symbols.Select(s => new ElfSymbol(s.Symbol, s.Bytes))], ElfMachines.Host), null, entry);
        return new OdlaCodeGenResult(artifacts, diagnostics.ToImmutable());
    }

    /// <summary>The default entry name for a model file or graph name: its file name without extension, made a C
    /// identifier (other characters become '_', a leading digit or keyword gets a '_' prefix).</summary>
    public static string DefaultEntryName(string modelPathOrName)
    {
        ArgumentNullException.ThrowIfNull(modelPathOrName);
        return Emit.CSyntax.ToIdentifier(Path.GetFileNameWithoutExtension(modelPathOrName), "model");
    }

    private static string SourceExtension(OdlaCodeGenOptions options) => options.Target == OdlaTarget.C ? ".c" : ".cc";

    private static OdlaEntrySignature CreateSignature(Graph graph, string entryName)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { entryName, "halo_in", "halo_out" };
        var inputs = graph.Inputs.Select((input, i) =>
            Parameter(graph.NameOf(input.Output(0)) ?? "input" + i.ToString(CultureInfo.InvariantCulture), "", input.Type, used));
        var outputs = graph.Outputs.Select((output, j) => Parameter(graph.NameOf(output) ?? "output" + j.ToString(CultureInfo.InvariantCulture),
            "out_", output.Producer!.OutputTypes[output.Output], used));
        return new OdlaEntrySignature(entryName, [.. inputs], [.. outputs]);
    }

    private static OdlaEntryParameter Parameter(string name, string prefix, IrType type, HashSet<string> used)
    {
        string baseName = Emit.CSyntax.ToIdentifier(prefix + name, prefix + "value");
        string cName = baseName;
        for (int n = 1; !used.Add(cName); n++)
        {
            cName = baseName + "_" + n.ToString(CultureInfo.InvariantCulture);
        }
        var tensor = (TensorType)type;
        return new OdlaEntryParameter(name, cName, tensor.ElementType, [.. tensor.Shape.ToSizes()]);
    }
}
