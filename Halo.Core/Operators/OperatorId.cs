namespace Halo.Core.Operators;

/// <summary>
/// Identifies one version of an operator: domain (empty for the ONNX default domain), name, and the
/// operator-set version in which this version of the operator was introduced.
/// </summary>
public sealed record OperatorId
{
    /// <summary>The ONNX default domain, normalized to the empty string.</summary>
    public const string DefaultDomain = "";

    /// <summary>Creates an id; <c>ai.onnx</c> is normalized to the empty default domain.</summary>
    public OperatorId(string domain, string name, int sinceVersion)
    {
        ArgumentNullException.ThrowIfNull(name);
        Domain = NormalizeDomain(domain);
        Name = name;
        SinceVersion = sinceVersion;
    }

    /// <summary>The domain; empty for ONNX's default domain.</summary>
    public string Domain { get; }

    /// <summary>The operator name, spelled as in its specification.</summary>
    public string Name { get; }

    /// <summary>The opset version this operator version appeared in.</summary>
    public int SinceVersion { get; }

    /// <summary>Maps <c>ai.onnx</c> and null to the empty default domain.</summary>
    public static string NormalizeDomain(string? domain) => domain is null or "ai.onnx" ? DefaultDomain : domain;

    /// <summary>Text form: <c>Conv&lt;11&gt;</c>, or <c>ai.onnx.ml::LabelEncoder&lt;2&gt;</c> outside the default domain.</summary>
    public override string ToString() =>
        (Domain.Length == 0 ? Name : Domain + "::" + Name) + "<" + SinceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) + ">";
}
