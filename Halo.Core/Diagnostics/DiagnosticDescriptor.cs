using System.Globalization;

namespace Halo.Core.Diagnostics;

/// <summary>Describes one kind of diagnostic: its stable id, title, message format, category and default severity.</summary>
public sealed class DiagnosticDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="id">Stable id, <c>HALO</c> followed by four digits; never reused.</param>
    /// <param name="title">Short title.</param>
    /// <param name="messageFormat">Composite format string for <see cref="string.Format(IFormatProvider, string, object[])"/>.</param>
    /// <param name="category">The reporting part of the platform.</param>
    /// <param name="defaultSeverity">The severity.</param>
    public DiagnosticDescriptor(string id, string title, string messageFormat, DiagnosticCategory category,
        DiagnosticSeverity defaultSeverity)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentException.ThrowIfNullOrEmpty(messageFormat);
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
    }

    /// <summary>The stable id.</summary>
    public string Id { get; }

    /// <summary>The short title.</summary>
    public string Title { get; }

    /// <summary>The message format.</summary>
    public string MessageFormat { get; }

    /// <summary>The category.</summary>
    public DiagnosticCategory Category { get; }

    /// <summary>The severity.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>Formats the message with <paramref name="arguments"/> (invariant culture).</summary>
    public string Format(params object?[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Title;
}
