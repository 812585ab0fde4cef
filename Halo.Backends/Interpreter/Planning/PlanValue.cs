using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Planning;

/// <summary>A named graph input or output of a plan and the slot that holds it.</summary>
internal sealed record PlanValue(string Name, int Slot, IrType Type);
