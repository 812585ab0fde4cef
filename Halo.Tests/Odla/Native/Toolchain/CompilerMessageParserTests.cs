using Halo.Odla.Native.Toolchain;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native.Toolchain;

[TestFixture]
public sealed class CompilerMessageParserTests
{
    [Test]
    public void Parse_GccAndClangLines_GiveFileLineColumnAndSeverity()
    {
        const string output = """
            demo.c: In function 'twice':
            demo.c:3:17: error: expected ';' before '}' token
            /tmp/x/a.h:12: warning: something odd
            demo.c:4:1: note: declared here
            In file included from demo.c:1:
            """;

        var messages = CompilerMessageParser.Parse(output);

        Assert.That(messages, Has.Length.EqualTo(3));
        Assert.That(messages[0], Is.EqualTo(new CompilerMessage("demo.c", 3, 17, "error", "expected ';' before '}' token",
            "demo.c:3:17: error: expected ';' before '}' token")));
        Assert.That(messages[0].IsError, Is.True);
        Assert.That(messages[1] is { FilePath: "/tmp/x/a.h", Line: 12, Column: 0, IsWarning: true }, Is.True);
        Assert.That(messages[2] is { Severity: "note", IsError: false, IsWarning: false }, Is.True);
    }

    [Test]
    public void Parse_FatalError_IsAnError()
    {
        var messages = CompilerMessageParser.Parse("m.cc:1:10: fatal error: ODLA/odla.h: No such file or directory\r\n");

        Assert.That(messages.Single() is { Severity: "fatal error", IsError: true, Text: "ODLA/odla.h: No such file or directory" }, Is.True);
    }

    [Test]
    public void LinkerErrors_UndefinedReference_KeepsTheSpecificLinesWithoutTheSummary()
    {
        const string output = """
            /usr/bin/ld: /tmp/main.o: in function `main':
            main.c:(.text+0x5): undefined reference to `missing_function'
            collect2: error: ld returned 1 exit status
            """;

        var errors = CompilerMessageParser.LinkerErrors(output);

        Assert.That(errors, Is.EqualTo(new[] { "main.c:(.text+0x5): undefined reference to `missing_function'" }));
    }

    [Test]
    public void Tail_NoOutput_SaysSo()
    {
        Assert.That(CompilerMessageParser.Tail("\n \n"), Is.EqualTo("the tool printed nothing"));
    }
}
