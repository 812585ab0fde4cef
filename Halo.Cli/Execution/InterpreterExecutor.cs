using System.Collections.Immutable;
using Halo.Backends.Interpreter;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Cli.Execution;

/// <summary>The <c>interpret</c> backend: Halo's managed interpreter (fast SIMD kernels, multithreaded).</summary>
/// <param name="threads">The degree of parallelism, or null for the processor count.</param>
internal sealed class InterpreterExecutor(int? threads) : IModelExecutor
{
    public string Name => "interpret";

    public IPreparedModel? Prepare(HaloModel model, DiagnosticBag diagnostics)
    {
        var options = threads is { } n ? new InferenceSessionOptions { MaxDegreeOfParallelism = n } : null;
        var result = InferenceSession.Create(model, options);
        diagnostics.AddRange(result.Diagnostics);
        return result.Session is { } session ? new Prepared(session) : null;
    }

    private sealed class Prepared(InferenceSession session) : IPreparedModel
    {
        public ImmutableArray<RuntimeValue> Run(IReadOnlyList<RuntimeValue> inputs)
        {
            try
            {
                var named = new Dictionary<string, InferenceValue>(StringComparer.Ordinal);
                for (int i = 0; i < inputs.Count; i++)
                {
                    named[session.Inputs[i].Name] = InferenceValue.FromRuntimeValue(inputs[i]);
                }
                var outputs = session.RunValues(named);
                return [.. session.Outputs.Select(o => outputs[o.Name].ToRuntimeValue())];
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new EvaluationException(e.Message, e);
            }
        }

        public void Dispose() => session.Dispose();
    }
}
