using Google.Protobuf;
using Halo.Frontends.Diagnostics;

namespace Halo.Frontends.Onnx;

/// <summary>Parses protobuf messages from files with bounded nesting, turning malformed input into diagnostics.</summary>
internal static class OnnxProtoParser
{
    /// <summary>SECURITY: the deepest message nesting accepted (subgraphs in subgraphs, nested types); bounds
    /// every recursion that follows the message structure.</summary>
    public const int RecursionLimit = 100;

    /// <summary>Parses the whole file at <paramref name="context"/>'s path; null after a diagnostic.</summary>
    public static T? ParseFile<T>(OnnxReadContext context, string formatName)
        where T : class, IMessage<T>, new()
    {
        string path = context.FilePath ?? throw new InvalidOperationException("The context has no file.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (stream.Length > int.MaxValue)
            {
                context.Report(FrontendDiagnostics.MalformedModel, null, path, formatName,
                    "protobuf files are limited to 2 GiB; store large tensors as external data");
                return null;
            }
            return Parse<T>(CodedInputStream.CreateWithLimits(stream, int.MaxValue, RecursionLimit), context, path, formatName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            context.Report(FrontendDiagnostics.FileUnreadable, null, path, e.Message);
            return null;
        }
    }

    /// <summary>Parses <paramref name="bytes"/>; null after a diagnostic.</summary>
    public static T? ParseBytes<T>(byte[] bytes, OnnxReadContext context, string displayName, string formatName)
        where T : class, IMessage<T>, new() =>
        Parse<T>(CodedInputStream.CreateWithLimits(new MemoryStream(bytes, writable: false), int.MaxValue, RecursionLimit),
            context, displayName, formatName);

    private static T? Parse<T>(CodedInputStream input, OnnxReadContext context, string displayName, string formatName)
        where T : class, IMessage<T>, new()
    {
        using (input)
        {
            try
            {
                var message = new T();
                message.MergeFrom(input);
                return message;
            }
            catch (InvalidProtocolBufferException e)
            {
                context.Report(FrontendDiagnostics.MalformedModel, null, displayName, formatName, e.Message.TrimEnd('.'));
                return null;
            }
        }
    }
}
