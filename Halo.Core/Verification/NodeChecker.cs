using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;

namespace Halo.Core.Verification;

/// <summary>Checks one operation against its schema.</summary>
internal sealed class NodeChecker(OperatorRegistry registry, DiagnosticBag bag, GreenOp op, ModelLocation location)
{
    private readonly Dictionary<string, IrType> _bound = new(StringComparer.Ordinal);

    public void Check()
    {
        if (!registry.TryGetSchema(op.Operator, out var schema))
        {
            bag.Report(CoreDiagnostics.UnknownOperator, location, op.Operator.Name,
                op.Operator.Domain.Length == 0 ? "ai.onnx" : op.Operator.Domain, op.Operator.SinceVersion);
            return;
        }
        if (!CheckArity(schema))
        {
            return;
        }
        CheckAttributes(schema);
        for (int i = 0; i < op.Inputs.Length; i++)
        {
            if (!op.Inputs[i].IsNone)
            {
                CheckType(schema, schema.Inputs, i, op.Inputs[i].Type, "input");
            }
        }
        for (int i = 0; i < op.OutputTypes.Length; i++)
        {
            CheckType(schema, schema.Outputs, i, op.OutputTypes[i], "output");
        }
        CheckAgainstInference(schema);
    }

    private bool CheckArity(OperatorSchema schema)
    {
        bool ok = true;
        int given = op.Inputs.Length;
        if (given < schema.MinInputs || given > schema.MaxInputs)
        {
            bag.Report(CoreDiagnostics.ArityMismatch, location, op.Operator, Range(schema.MinInputs, schema.MaxInputs), "inputs", given);
            ok = false;
        }
        for (int i = 0; i < Math.Min(given, schema.Inputs.Length); i++)
        {
            if (op.Inputs[i].IsNone && schema.Inputs[i].Option == ParameterOption.Single)
            {
                bag.Report(CoreDiagnostics.ArityMismatch, location, op.Operator, "a value for input '" + schema.Inputs[i].Name + "'", "(required)", "none");
                ok = false;
            }
        }
        int results = op.OutputTypes.Length;
        if (results < schema.MinOutputs || results > schema.MaxOutputs)
        {
            bag.Report(CoreDiagnostics.ArityMismatch, location, op.Operator, Range(schema.MinOutputs, schema.MaxOutputs), "outputs", results);
            ok = false;
        }
        return ok;
    }

    private static string Range(int min, int max) =>
        max == int.MaxValue ? $"at least {min}" : min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}";

    private void CheckAttributes(OperatorSchema schema)
    {
        foreach (var (name, value) in op.Attributes)
        {
            if (!schema.Attributes.TryGetValue(name, out var attr))
            {
                if (!schema.AllowsUnknownAttributes)
                {
                    bag.Report(CoreDiagnostics.AttributeInvalid, location, op.Operator, $"unknown attribute '{name}'");
                }
            }
            else if (attr.Kind != value.Kind && !(attr.Kind == AttributeKind.Float && value.Kind == AttributeKind.Int))
            {
                bag.Report(CoreDiagnostics.AttributeInvalid, location, op.Operator, $"attribute '{name}' is {value.Kind}, expected {attr.Kind}");
            }
        }
        foreach (var attr in schema.Attributes.Values)
        {
            if (attr.Required && !op.Attributes.ContainsKey(attr.Name))
            {
                bag.Report(CoreDiagnostics.AttributeInvalid, location, op.Operator, $"required attribute '{attr.Name}' is missing");
            }
        }
    }

    private void CheckType(OperatorSchema schema, ImmutableArray<FormalParameter> formals, int index, IrType type, string what)
    {
        var formal = OperatorSchema.FormalAt(formals, index);
        if (formal is null || !TypeStrings.IsFullyKnown(type))
        {
            return;
        }
        if (schema.TypeConstraints.TryGetValue(formal.TypeString, out var constraint))
        {
            if (!constraint.Allows(type))
            {
                bag.Report(CoreDiagnostics.TypeConstraintViolated, location, op.Operator, what, formal.Name,
                    TypeStrings.ToOnnxString(type), constraint.Name, string.Join(", ", constraint.AllowedTypes));
                return;
            }
            if (!formal.IsHomogeneous && formal.Option == ParameterOption.Variadic)
            {
                return;
            }
            if (_bound.TryGetValue(constraint.Name, out var first) && TypeStrings.ToOnnxString(first) != TypeStrings.ToOnnxString(type))
            {
                bag.Report(CoreDiagnostics.TypeConstraintViolated, location, op.Operator, what, formal.Name,
                    TypeStrings.ToOnnxString(type), constraint.Name, "the type already bound to it, " + TypeStrings.ToOnnxString(first));
                return;
            }
            _bound.TryAdd(constraint.Name, type);
        }
        else if (TypeStrings.Parse(formal.TypeString) is { } fixedType && TypeStrings.ToOnnxString(fixedType) != TypeStrings.ToOnnxString(type))
        {
            bag.Report(CoreDiagnostics.TypeConstraintViolated, location, op.Operator, what, formal.Name,
                TypeStrings.ToOnnxString(type), formal.TypeString, formal.TypeString);
        }
    }

    private void CheckAgainstInference(OperatorSchema schema)
    {
        var inferred = OperatorRegistry.CreateOp(schema, op.Inputs, op.Attributes, op.OutputTypes.Length, out var errors);
        foreach (string e in errors)
        {
            bag.Report(location.SubgraphPath is null ? CoreDiagnostics.ShapeInferenceFailed : CoreDiagnostics.SubgraphShapeInferenceFailed,
                location, op.Operator, e);
        }
        for (int i = 0; i < op.OutputTypes.Length; i++)
        {
            if (!TypeCompatibility.AreCompatible(op.OutputTypes[i], inferred.OutputTypes[i]))
            {
                bag.Report(CoreDiagnostics.TypeMismatch, location, location.NodeName + ":" + i,
                    op.OutputTypes[i], inferred.OutputTypes[i]);
            }
        }
    }
}
