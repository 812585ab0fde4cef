using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Halo.Core.Diagnostics;

namespace Halo.Backends.Interpreter;

/// <summary>The outcome of creating an <see cref="InferenceSession"/>: the session, or the diagnostics that
/// say why the model cannot run (every unsupported node at once).</summary>
/// <param name="Session">The session (the caller disposes it), or null when an error was reported.</param>
/// <param name="Diagnostics">Everything reported: import, pass and interpreter diagnostics.</param>
public sealed record InferenceSessionResult(InferenceSession? Session, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether a session was created.</summary>
    [MemberNotNullWhen(true, nameof(Session))]
    public bool Success => Session is not null;
}
