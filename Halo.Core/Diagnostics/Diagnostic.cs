using System.Text;

namespace Halo.Core.Diagnostics;

/// <summary>A reported problem: a descriptor, a formatted message and a location.</summary>
public sealed class Diagnostic
{
    private Diagnostic(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string message, ModelLocation location)
    {
        Descriptor = descriptor;
        Severity = severity;
        Message = message;
        Location = location;
    }

    /// <summary>Creates a diagnostic from a descriptor and message arguments.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, ModelLocation? location, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new(descriptor, descriptor.DefaultSeverity, descriptor.Format(arguments), location ?? ModelLocation.None);
    }

    /// <summary>The descriptor.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The stable id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The formatted message.</summary>
    public string Message { get; }

    /// <summary>Where the problem is.</summary>
    public ModelLocation Location { get; }

    /// <summary>Whether this is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>This diagnostic at another location.</summary>
    public Diagnostic WithLocation(ModelLocation location) => new(Descriptor, Severity, Message, location);

    /// <summary>MSBuild/compiler format: <c>model.onnx: error HALO1002: message [node 'conv1', Conv #3]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Location.FilePath ?? "halo").Append(": ");
        sb.Append(Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        });
        sb.Append(' ').Append(Id).Append(": ").Append(Message);
        string suffix = Location.NodeSuffix();
        if (suffix.Length > 0)
        {
            sb.Append(' ').Append(suffix);
        }
        return sb.ToString();
    }
}
