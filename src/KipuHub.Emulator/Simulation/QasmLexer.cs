using System.Text;

namespace KipuHub.Emulator.Simulation;

/// <summary>Splits OpenQASM 3 text into tokens; drops comments and <c>#pragma</c> lines (Braket result-type pragmas are ignored).</summary>
internal static class QasmLexer
{
    public static List<QasmToken> Tokenize(string source)
    {
        var tokens = new List<QasmToken>();
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && Peek(source, i + 1) == '/' || c == '#')
            {
                i = SkipToEndOfLine(source, i);
            }
            else if (c == '/' && Peek(source, i + 1) == '*')
            {
                i = SkipBlockComment(source, i, ref line);
            }
            else
            {
                i = ReadToken(source, i, line, tokens);
            }
        }

        tokens.Add(new QasmToken(QasmTokenKind.End, string.Empty, line));
        return tokens;
    }

    private static int ReadToken(string source, int i, int line, List<QasmToken> tokens)
    {
        var c = source[i];
        if (IsIdentifierStart(c))
        {
            var start = i++;
            while (i < source.Length && IsIdentifierPart(source[i]))
            {
                i++;
            }

            tokens.Add(new QasmToken(QasmTokenKind.Identifier, source[start..i], line));
            return i;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(source, i + 1))))
        {
            return ReadNumber(source, i, line, tokens);
        }

        if (c is '"' or '\'')
        {
            var end = source.IndexOf(c, i + 1);
            if (end < 0 || source.AsSpan(i, end - i).Contains('\n'))
            {
                throw new QasmException(line, "unterminated string literal.");
            }

            tokens.Add(new QasmToken(QasmTokenKind.String, source[(i + 1)..end], line));
            return end + 1;
        }

        if (c == '-' && Peek(source, i + 1) == '>')
        {
            tokens.Add(new QasmToken(QasmTokenKind.Symbol, "->", line));
            return i + 2;
        }

        if (c == '*' && Peek(source, i + 1) == '*')
        {
            tokens.Add(new QasmToken(QasmTokenKind.Symbol, "**", line));
            return i + 2;
        }

        if (";[](),=+-*/{}:@<>!".Contains(c))
        {
            tokens.Add(new QasmToken(QasmTokenKind.Symbol, c.ToString(), line));
            return i + 1;
        }

        throw new QasmException(line, $"unexpected character '{c}'.");
    }

    private static int ReadNumber(string source, int i, int line, List<QasmToken> tokens)
    {
        var text = new StringBuilder();
        while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] == '.' || source[i] == '_'))
        {
            if (source[i] != '_')
            {
                text.Append(source[i]);
            }

            i++;
        }

        if (i < source.Length && source[i] is 'e' or 'E')
        {
            text.Append('e');
            i++;
            if (i < source.Length && source[i] is '+' or '-')
            {
                text.Append(source[i++]);
            }

            while (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                text.Append(source[i++]);
            }
        }

        tokens.Add(new QasmToken(QasmTokenKind.Number, text.ToString(), line));
        return i;
    }

    private static int SkipToEndOfLine(string source, int i)
    {
        var end = source.IndexOf('\n', i);
        return end < 0 ? source.Length : end;
    }

    private static int SkipBlockComment(string source, int i, ref int line)
    {
        var startLine = line;
        var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new QasmException(startLine, "unterminated /* comment.");
        }

        for (var k = i; k < end; k++)
        {
            if (source[k] == '\n')
            {
                line++;
            }
        }

        return end + 2;
    }

    private static char Peek(string source, int i) => i < source.Length ? source[i] : '\0';

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_' || c == '$';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
