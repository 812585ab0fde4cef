using Halo.Backends.Odla.Emit;

namespace Halo.Backends.Odla.Lowering;

internal sealed partial class LoweringContext
{
    /// <summary>As <see cref="Define"/>, returning the new variable so that a composite lowering can read an output
    /// it defined (Attention's present key feeds its scores).</summary>
    public string DefineOutput(int index, string expression)
    {
        string variable = Module.NewVariable();
        Module.Define(variable, expression);
        _bind(Op.Output(index), new OdlaVariable(variable, OutputId(index), OdlaVariableKind.Computed, -1));
        return variable;
    }
}
