namespace Halo.Backends.Odla.Emit;

/// <summary>An <c>odla_value</c> variable of the generated build function.</summary>
/// <param name="Name">The C variable name.</param>
/// <param name="Id">The C expression of its <c>odla_value_id</c>.</param>
/// <param name="Kind">Where it comes from.</param>
/// <param name="Index">The graph input index (arguments) or constant index (constants); -1 otherwise.</param>
internal sealed record OdlaVariable(string Name, string Id, OdlaVariableKind Kind, int Index);
