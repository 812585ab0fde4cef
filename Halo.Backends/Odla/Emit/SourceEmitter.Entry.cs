using System.Globalization;

namespace Halo.Backends.Odla.Emit;

internal static partial class SourceEmitter
{
    private static void WriteCompileEntry(CodeText text, string n, IReadOnlyList<string> argumentIds, IReadOnlyList<OdlaOutputBinding> outputs)
    {
        text.Line($"void {n}_init(void) {{")
            .Line($"  if ({n}_comp == NULL && {n}_build() != 0 && {n}_comp != NULL) {{")
            .Line($"    (void)odla_DestroyComputation({n}_comp);")
            .Line($"    {n}_comp = NULL;")
            .Line("  }")
            .Line("}")
            .Line()
            .Line($"void {n}_fini(void) {{")
            .Line($"  if ({n}_comp != NULL) {{")
            .Line($"    (void)odla_DestroyComputation({n}_comp);")
            .Line($"    {n}_comp = NULL;")
            .Line("  }")
            .Line("}")
            .Line()
            .Line($"int {n}_run(const void* const* inputs, void* const* outputs) {{")
            .Line("  odla_context ctx = NULL;")
            .Line("  int rc = 0;")
            .Line("  (void)inputs;")
            .Line("  (void)outputs;")
            .Line($"  {n}_init();")
            .Line($"  if ({n}_comp == NULL) return 1;")
            .Line("  if (odla_CreateContext(&ctx) != ODLA_SUCCESS) return 1;");
        for (int i = 0; i < argumentIds.Count; i++)
        {
            text.Line($"  if (rc == 0 && odla_BindToArgumentById({argumentIds[i]}, inputs[{I(i)}], ctx) != ODLA_SUCCESS) rc = 1;");
        }
        foreach (var o in outputs.Where(o => o.Kind == OdlaOutputKind.Bound))
        {
            text.Line($"  if (rc == 0 && odla_BindToOutputById({o.Id}, outputs[{I(o.Index)}], ctx) != ODLA_SUCCESS) rc = 1;");
        }
        text.Line($"  if (rc == 0 && odla_ExecuteComputation({n}_comp, ctx, ODLA_COMPUTE_INFERENCE, NULL) != ODLA_SUCCESS) rc = 1;")
            .Line("  (void)odla_DestroyContext(ctx);");
        WriteCopies(text, outputs);
        text.Line("  return rc;").Line("}").Line();
    }

    private static void WriteInterpretEntry(CodeText text, string n, IReadOnlyList<OdlaOutputBinding> outputs)
    {
        text.Line("// Interpret mode: every run builds, executes and destroys the computation.")
            .Line($"void {n}_init(void) {{")
            .Line("}")
            .Line()
            .Line($"void {n}_fini(void) {{")
            .Line("}")
            .Line()
            .Line($"int {n}_run(const void* const* inputs, void* const* outputs) {{")
            .Line("  odla_computation comp = NULL;")
            .Line("  odla_context ctx = NULL;")
            .Line("  int rc = 1;")
            .Line("  if (odla_CreateComputation(&comp) == ODLA_SUCCESS && odla_CreateContext(&ctx) == ODLA_SUCCESS")
            .Line($"      && {n}_build(ctx, inputs, outputs) == 0")
            .Line("      && odla_ExecuteComputation(comp, ctx, ODLA_COMPUTE_INFERENCE, NULL) == ODLA_SUCCESS) {")
            .Line("    rc = 0;")
            .Line("  }")
            .Line("  if (ctx != NULL) (void)odla_DestroyContext(ctx);")
            .Line("  if (comp != NULL) (void)odla_DestroyComputation(comp);");
        WriteCopies(text, outputs);
        text.Line("  return rc;").Line("}").Line();
    }

    /// <summary>Outputs that are inputs, constants or repeats of another output are copied after execution.</summary>
    private static void WriteCopies(CodeText text, IReadOnlyList<OdlaOutputBinding> outputs)
    {
        var copies = outputs.Where(o => o.Kind != OdlaOutputKind.Bound && o.ByteCount > 0).ToList();
        if (copies.Count == 0)
        {
            return;
        }
        text.Line("  if (rc == 0) {");
        foreach (var o in copies)
        {
            string source = o.Kind switch
            {
                OdlaOutputKind.CopyOfOutput => $"outputs[{I(o.From)}]",
                OdlaOutputKind.CopyOfInput => $"inputs[{I(o.From)}]",
                _ => o.Symbol!,
            };
            text.Line($"    memcpy(outputs[{I(o.Index)}], {source}, {o.ByteCount.ToString(CultureInfo.InvariantCulture)});");
        }
        text.Line("  }");
    }

    private static void WriteTypedEntry(CodeText text, OdlaEntrySignature entry)
    {
        int inputs = Math.Max(1, entry.Inputs.Length);
        int outputs = Math.Max(1, entry.Outputs.Length);
        text.Line($"void {HeaderEmitter.Prototype(entry)} {{")
            .Line($"  const void* halo_in[{I(inputs)}];")
            .Line($"  void* halo_out[{I(outputs)}];");
        for (int i = 0; i < inputs; i++)
        {
            text.Line($"  halo_in[{I(i)}] = {(i < entry.Inputs.Length ? entry.Inputs[i].CName : "NULL")};");
        }
        for (int i = 0; i < outputs; i++)
        {
            text.Line($"  halo_out[{I(i)}] = {(i < entry.Outputs.Length ? entry.Outputs[i].CName : "NULL")};");
        }
        text.Line($"  (void){entry.Name}_run(halo_in, halo_out);").Line("}");
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
