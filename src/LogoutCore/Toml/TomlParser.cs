using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LogoutModule.Core.Toml;

/// <summary>
/// A single-pass recursive-descent TOML 1.0 parser over the source text. Besides the values it records, for every
/// key-value of the root table, the exact span of its line(s) so the document can remove it byte for byte.
/// </summary>
internal sealed class TomlParser
{
    private static readonly Regex DateTimePattern = new(
        @"\G(?:(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt ](?<time>[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?)(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})?)?|(?<time>[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?))",
        RegexOptions.CultureInvariant);

    private static readonly Regex DecimalInteger = new(@"^[+-]?(?:0|[1-9](?:_?[0-9])*)\z", RegexOptions.CultureInvariant);
    private static readonly Regex PrefixedInteger = new(@"^0(?:x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*|o[0-7](?:_?[0-7])*|b[01](?:_?[01])*)\z", RegexOptions.CultureInvariant);
    private static readonly Regex DecimalFloat = new(
        @"^[+-]?(?:0|[1-9](?:_?[0-9])*)(?:\.[0-9](?:_?[0-9])*(?:[eE][+-]?[0-9](?:_?[0-9])*)?|[eE][+-]?[0-9](?:_?[0-9])*)\z",
        RegexOptions.CultureInvariant);
    private static readonly Regex SpecialFloat = new(@"^[+-]?(?:inf|nan)\z", RegexOptions.CultureInvariant);

    private readonly string text;
    private readonly TextPositions positions;
    private readonly TomlTable root = new(TomlTableOrigin.Header);
    private readonly List<TomlKeyValue> topLevel = [];
    private const int MaxDepth = 500;

    private TomlTable current;
    private int pos;
    private int depth;

    private TomlParser(string text, TextPositions positions)
    {
        this.text = text;
        this.positions = positions;
        current = root;
    }

    private readonly struct KeyPart(string name, int offset)
    {
        public string Name { get; } = name;
        public int Offset { get; } = offset;
    }

    public static (TomlTable Root, IReadOnlyList<TomlKeyValue> TopLevel) Parse(string text, TextPositions positions)
    {
        var parser = new TomlParser(text, positions);
        parser.CheckCharacters();
        parser.ParseDocument();
        return (parser.root, parser.topLevel);
    }

    /// <summary>
    /// Control characters (other than tab and the CR of a CRLF) and lone surrogates are invalid everywhere in TOML,
    /// inside strings and comments too, so one pass rejects them and the grammar below need not.
    /// </summary>
    private void CheckCharacters()
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 >= text.Length || text[i + 1] != '\n') throw Error(i, "a carriage return must be followed by a line feed");
            }
            else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
            {
                throw Error(i, $"control character U+{(int)c:X4} is not allowed");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw Error(i, "invalid Unicode character");
            }
        }
    }

    private void ParseDocument()
    {
        if (text.Length > 0 && text[0] == '\uFEFF') pos = 1;
        while (pos < text.Length)
        {
            var lineStart = pos;
            SkipWhitespace();
            (KeyPart[] Key, TomlValue Value, int ValueOffset)? keyValue = null;
            switch (Peek())
            {
                case '#' or '\r' or '\n' or EndOfText:
                    break;
                case '[':
                    ParseHeader();
                    break;
                default:
                    keyValue = ParseKeyValue(current);
                    break;
            }
            SkipWhitespace();
            SkipComment();
            ExpectLineEnd();
            if (keyValue is { } kv && current == root && kv.Key.Length == 1)
            {
                var (line, column) = positions.Locate(kv.ValueOffset);
                topLevel.Add(new TomlKeyValue(kv.Key[0].Name, kv.Value, line, column, lineStart, pos));
            }
        }
    }

    /// <summary>What <see cref="Peek"/> returns past the end: NUL cannot occur in the text (<see cref="CheckCharacters"/>).</summary>
    private const char EndOfText = '\0';

    private char Peek(int ahead = 0) => pos + ahead < text.Length ? text[pos + ahead] : EndOfText;

    private bool AtEnd => pos >= text.Length;

    private TomlParseException Error(int offset, string reason) => positions.Error(offset, reason);

    private TomlParseException Unexpected(string expected) =>
        Error(pos, AtEnd ? $"expected {expected} but the text ended" : $"expected {expected} but found {Describe(text[pos])}");

    private static string Describe(char c) => c switch
    {
        '\n' or '\r' => "a line ending",
        _ => $"'{c}'",
    };

    private void Expect(char c, string what)
    {
        if (Peek() != c) throw Unexpected(what);
        pos++;
    }

    private void SkipWhitespace()
    {
        while (pos < text.Length && text[pos] is ' ' or '\t') pos++;
    }

    private void SkipComment()
    {
        if (Peek() != '#') return;
        while (pos < text.Length && text[pos] is not ('\r' or '\n')) pos++;
    }

    private bool IsAt(string token) => string.CompareOrdinal(text, pos, token, 0, token.Length) == 0;

    private bool TrySkipNewline()
    {
        if (Peek() == '\n') pos++;
        else if (Peek() == '\r' && Peek(1) == '\n') pos += 2;
        else return false;
        return true;
    }

    private void ExpectLineEnd()
    {
        if (!AtEnd && !TrySkipNewline()) throw Unexpected("a line ending or a comment");
    }

    // ---- keys and tables -------------------------------------------------------------------------------------------

    private KeyPart[] ParseKey()
    {
        var parts = new List<KeyPart>();
        while (true)
        {
            var offset = pos;
            if (IsAt("\"\"\"") || IsAt("'''")) throw Error(pos, "a key cannot be a multi-line string");
            var name = Peek() switch
            {
                '"' => ParseBasicString(),
                '\'' => ParseLiteralString(),
                _ => ParseBareKey(),
            };
            parts.Add(new KeyPart(name, offset));
            SkipWhitespace();
            if (Peek() != '.') return [.. parts];
            pos++;
            SkipWhitespace();
        }
    }

    private string ParseBareKey()
    {
        var start = pos;
        while (pos < text.Length && IsBareKeyChar(text[pos])) pos++;
        if (pos == start) throw Unexpected("a key");
        return text.Substring(start, pos - start);
    }

    private static bool IsBareKeyChar(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';

    private void ParseHeader()
    {
        pos++;
        var isArray = Peek() == '[';
        if (isArray) pos++;
        SkipWhitespace();
        var key = ParseKey();
        Expect(']', isArray ? "']]'" : "']'");
        if (isArray) Expect(']', "']]'");

        var table = root;
        for (var i = 0; i < key.Length - 1; i++)
        {
            if (!table.TryGetValue(key[i].Name, out var existing))
            {
                var created = new TomlTable(TomlTableOrigin.Implicit);
                table.Add(key[i].Name, created);
                table = created;
                continue;
            }
            table = existing switch
            {
                TomlTable { Origin: not TomlTableOrigin.Inline } parent => parent,
                TomlArray { IsArrayOfTables: true } array => (TomlTable)array[array.Count - 1],
                _ => throw Error(key[i].Offset, $"cannot define a table inside '{key[i].Name}', which is not a table"),
            };
        }

        var last = key[key.Length - 1];
        table.TryGetValue(last.Name, out var target);
        if (isArray)
        {
            if (target is null)
            {
                target = new TomlArray(isArrayOfTables: true);
                table.Add(last.Name, target);
            }
            if (target is not TomlArray { IsArrayOfTables: true } array)
                throw Error(last.Offset, $"cannot define '{last.Name}' as an array of tables: it is already defined");
            current = new TomlTable(TomlTableOrigin.Header);
            array.Add(current);
        }
        else if (target is null)
        {
            current = new TomlTable(TomlTableOrigin.Header);
            table.Add(last.Name, current);
        }
        else if (target is TomlTable { Origin: TomlTableOrigin.Implicit } implicitTable)
        {
            implicitTable.Origin = TomlTableOrigin.Header;
            current = implicitTable;
        }
        else
        {
            throw Error(last.Offset, $"table '{last.Name}' is already defined");
        }
    }

    private (KeyPart[] Key, TomlValue Value, int ValueOffset) ParseKeyValue(TomlTable table)
    {
        var key = ParseKey();
        Expect('=', "'='");
        SkipWhitespace();
        var valueOffset = pos;
        var value = ParseValue();
        Insert(table, key, value);
        return (key, value, valueOffset);
    }

    /// <summary>Adds a (possibly dotted) key; dotted keys may only pass through tables that dotted keys created.</summary>
    private void Insert(TomlTable table, KeyPart[] key, TomlValue value)
    {
        for (var i = 0; i < key.Length - 1; i++)
        {
            if (!table.TryGetValue(key[i].Name, out var existing))
            {
                var created = new TomlTable(TomlTableOrigin.Dotted);
                table.Add(key[i].Name, created);
                table = created;
            }
            else if (existing is TomlTable { Origin: TomlTableOrigin.Dotted } parent)
            {
                table = parent;
            }
            else
            {
                throw Error(key[i].Offset, $"cannot add keys to '{key[i].Name}' here: it is already defined");
            }
        }
        var last = key[key.Length - 1];
        if (table.TryGetValue(last.Name, out _)) throw Error(last.Offset, $"duplicate key '{last.Name}'");
        table.Add(last.Name, value);
    }

    // ---- values ----------------------------------------------------------------------------------------------------

    private TomlValue ParseValue()
    {
        if (AtEnd) throw Unexpected("a value");
        switch (text[pos])
        {
            case '"':
                return new TomlString(ParseBasicString());
            case '\'':
                return new TomlString(ParseLiteralString());
            case '[':
                return Nested(ParseArray);
            case '{':
                return Nested(ParseInlineTable);
            case 't' when IsAt("true"):
                pos += 4;
                return new TomlBoolean(true);
            case 'f' when IsAt("false"):
                pos += 5;
                return new TomlBoolean(false);
            default:
                return ParseNumberOrDateTime();
        }
    }

    /// <summary>Arrays and inline tables recurse; a bound keeps absurd nesting a parse error instead of a stack overflow.</summary>
    private TomlValue Nested(Func<TomlValue> parse)
    {
        if (++depth > MaxDepth) throw Error(pos, $"values are nested more than {MaxDepth} deep");
        var value = parse();
        depth--;
        return value;
    }

    private TomlValue ParseNumberOrDateTime()
    {
        var start = pos;
        var dateTime = DateTimePattern.Match(text, pos);
        if (dateTime.Success)
        {
            pos += dateTime.Length;
            return ToDateTime(dateTime, start);
        }

        while (pos < text.Length && (IsBareKeyChar(text[pos]) || text[pos] is '.' or '+')) pos++;
        var token = text.Substring(start, pos - start);
        if (token.Length == 0) throw Unexpected("a value");
        var digits = token.Replace("_", "");
        if (DecimalInteger.IsMatch(token))
        {
            return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? new TomlInteger(value)
                : throw Error(start, $"integer {token} is out of range");
        }
        if (PrefixedInteger.IsMatch(token)) return new TomlInteger(ParsePrefixedInteger(digits, start));
        if (DecimalFloat.IsMatch(token)) return new TomlFloat(double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture));
        return SpecialFloat.IsMatch(token)
            ? new TomlFloat(token.EndsWith("nan", StringComparison.Ordinal) ? double.NaN : token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity)
            : throw Error(start, $"invalid value '{token}'");
    }

    private long ParsePrefixedInteger(string digits, int offset)
    {
        var radix = digits[1] switch { 'x' => 16, 'o' => 8, _ => 2 };
        long value = 0;
        try
        {
            for (var i = 2; i < digits.Length; i++)
            {
                var c = digits[i];
                var digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                value = checked(value * radix + digit);
            }
        }
        catch (OverflowException)
        {
            throw Error(offset, $"integer {digits} is out of range");
        }
        return value;
    }

    private TomlDateTime ToDateTime(Match match, int offset)
    {
        var date = match.Groups["date"];
        var time = match.Groups["time"];
        if (date.Success)
        {
            var year = Number(date.Value, 0, 4);
            var month = Number(date.Value, 5, 2);
            var day = Number(date.Value, 8, 2);
            if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)) throw Error(offset, $"invalid date '{date.Value}'");
        }
        if (time.Success && (Number(time.Value, 0, 2) > 23 || Number(time.Value, 3, 2) > 59 || Number(time.Value, 6, 2) > 60))
            throw Error(time.Index, $"invalid time '{time.Value}'");
        var zone = match.Groups["offset"];
        if (zone.Success && zone.Length > 1 && (Number(zone.Value, 1, 2) > 23 || Number(zone.Value, 4, 2) > 59))
            throw Error(zone.Index, $"invalid time offset '{zone.Value}'");

        var kind = (date.Success, time.Success, zone.Success) switch
        {
            (true, true, true) => TomlValueKind.OffsetDateTime,
            (true, true, false) => TomlValueKind.LocalDateTime,
            (true, false, _) => TomlValueKind.LocalDate,
            _ => TomlValueKind.LocalTime,
        };
        return new TomlDateTime(kind, match.Value);
    }

    /// <summary>Not DateTime.DaysInMonth: TOML allows year 0.</summary>
    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static int Number(string digits, int start, int length) =>
        int.Parse(digits.Substring(start, length), NumberStyles.None, CultureInfo.InvariantCulture);

    private TomlArray ParseArray()
    {
        pos++;
        var array = new TomlArray(isArrayOfTables: false);
        while (true)
        {
            SkipWhitespaceCommentsAndNewlines();
            if (Peek() == ']') break;
            array.Add(ParseValue());
            SkipWhitespaceCommentsAndNewlines();
            if (Peek() == ',')
            {
                pos++;
                continue;
            }
            if (Peek() != ']') throw Unexpected("',' or ']'");
            break;
        }
        pos++;
        return array;
    }

    private void SkipWhitespaceCommentsAndNewlines()
    {
        do
        {
            SkipWhitespace();
            SkipComment();
        } while (TrySkipNewline());
    }

    /// <summary>
    /// TOML 1.0 inline tables: one line between the braces (values may still span lines), no trailing comma. Its own
    /// dotted keys may extend the tables they create; nothing after it can reach them without passing through it, and
    /// it is closed (<see cref="TomlTableOrigin.Inline"/>).
    /// </summary>
    private TomlTable ParseInlineTable()
    {
        pos++;
        var table = new TomlTable(TomlTableOrigin.Inline);
        SkipWhitespace();
        if (Peek() == '}')
        {
            pos++;
            return table;
        }
        while (true)
        {
            SkipWhitespace();
            ParseKeyValue(table);
            SkipWhitespace();
            if (Peek() == ',')
            {
                pos++;
                continue;
            }
            if (Peek() != '}') throw Unexpected("',' or '}'");
            pos++;
            return table;
        }
    }

    // ---- strings ---------------------------------------------------------------------------------------------------

    private string ParseBasicString()
    {
        if (IsAt("\"\"\"")) return ParseMultilineString('"');
        var start = pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || text[pos] is '\r' or '\n') throw Error(start, "unterminated string");
            var c = text[pos];
            if (c == '"')
            {
                pos++;
                return builder.ToString();
            }
            if (c == '\\') AppendEscape(builder);
            else
            {
                builder.Append(c);
                pos++;
            }
        }
    }

    private string ParseLiteralString()
    {
        if (IsAt("'''")) return ParseMultilineString('\'');
        var start = pos++;
        var end = start + 1;
        while (end < text.Length && text[end] is not ('\'' or '\r' or '\n')) end++;
        if (end >= text.Length || text[end] != '\'') throw Error(start, "unterminated string");
        pos = end + 1;
        return text.Substring(start + 1, end - start - 1);
    }

    /// <summary>
    /// <c>"""</c> or <c>'''</c> strings: a newline right after the opening is dropped, up to two quotes may touch the
    /// closing delimiter, and only basic ones have escapes (including the line-ending backslash).
    /// </summary>
    private string ParseMultilineString(char quote)
    {
        var start = pos;
        pos += 3;
        TrySkipNewline();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd) throw Error(start, "unterminated multi-line string");
            var c = text[pos];
            if (c == quote)
            {
                var run = 0;
                while (Peek(run) == quote && pos + run < text.Length) run++;
                if (run >= 3)
                {
                    if (run > 5) throw Error(pos + 5, "too many quotes at the end of a multi-line string");
                    builder.Append(quote, run - 3);
                    pos += run;
                    return builder.ToString();
                }
                builder.Append(quote, run);
                pos += run;
            }
            else if (c == '\\' && quote == '"')
            {
                if (IsLineEndingBackslash()) SkipWhitespaceAndNewlines();
                else AppendEscape(builder);
            }
            else
            {
                builder.Append(c);
                pos++;
            }
        }
    }

    private bool IsLineEndingBackslash()
    {
        var next = pos + 1;
        while (next < text.Length && text[next] is ' ' or '\t') next++;
        return next < text.Length && text[next] is '\r' or '\n';
    }

    private void SkipWhitespaceAndNewlines()
    {
        pos++;
        while (pos < text.Length && text[pos] is ' ' or '\t' or '\r' or '\n') pos++;
    }

    private void AppendEscape(StringBuilder builder)
    {
        var start = pos;
        var c = Peek(1);
        pos += 2;
        switch (c)
        {
            case 'b': builder.Append('\b'); return;
            case 't': builder.Append('\t'); return;
            case 'n': builder.Append('\n'); return;
            case 'f': builder.Append('\f'); return;
            case 'r': builder.Append('\r'); return;
            case '"': builder.Append('"'); return;
            case '\\': builder.Append('\\'); return;
            case 'u': AppendCodePoint(builder, start, 4); return;
            case 'U': AppendCodePoint(builder, start, 8); return;
            default: throw Error(start, "invalid escape sequence");
        }
    }

    private void AppendCodePoint(StringBuilder builder, int start, int length)
    {
        if (pos + length > text.Length ||
            !int.TryParse(text.Substring(pos, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint) ||
            codePoint is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            throw Error(start, "invalid Unicode escape");
        }
        pos += length;
        builder.Append(char.ConvertFromUtf32(codePoint));
    }
}
