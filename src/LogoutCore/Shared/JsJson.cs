using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LogoutModule.Core.Shared;

/// <summary>
/// Writes JSON exactly as Node's <c>JSON.stringify(value, null, indent)</c> does, so files we rewrite
/// are byte-identical to what the Node-based CLIs would write: no trailing newline, "/" and non-ASCII
/// unescaped, empty containers as <c>{}</c> / <c>[]</c>, numbers as they were read.
/// </summary>
public static class JsJson
{
    public static string Stringify(JsonNode? node, int indent = 0)
    {
        var builder = new StringBuilder();
        Write(builder, node, indent, 0);
        return builder.ToString();
    }

    /// <summary>
    /// Parses a JSON document as JavaScript's <c>JSON.parse</c> reads it (sf, every Node CLI): property order kept, and a
    /// repeated member name keeps its first place with the last value. (JsonNode.Parse instead throws ArgumentException
    /// "An item with the same key has already been added" on first access.) Throws JsonException, with its line and
    /// byte position, when the text is not JSON or nests deeper than 64 levels.
    /// </summary>
    public static JsonNode? Parse(string text)
    {
        using var document = ParseDocument(text);
        return ToNode(document);
    }

    /// <summary>
    /// <see cref="Parse(string)"/> of UTF-8 text (no byte order mark), without decoding it to a string first: JsonDocument
    /// would only encode that string back to UTF-8. The text must be valid UTF-8 for the two to agree (Parse(string) of
    /// a decoded file sees U+FFFD where a byte was invalid).
    /// </summary>
    public static JsonNode? Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = ParseDocument(utf8);
        return ToNode(document);
    }

    /// <summary>
    /// <paramref name="text"/> read as <see cref="Parse(string)"/> reads it, left as a document for a caller that needs only
    /// part of it (no nodes built); read its objects with <see cref="StringMembers"/> to keep JSON.parse's rules. Dispose it.
    /// Throws JsonException as Parse does.
    /// </summary>
    public static JsonDocument ParseDocument(string text) => JsonDocument.Parse(text, ParseOptions);

    /// <summary>
    /// <see cref="ParseDocument(string)"/> of UTF-8 text (no byte order mark; valid UTF-8, as for <see cref="Parse(ReadOnlyMemory{byte})"/>).
    /// The document reads <paramref name="utf8"/> in place: it is valid only while that memory is.
    /// </summary>
    public static JsonDocument ParseDocument(ReadOnlyMemory<byte> utf8) => JsonDocument.Parse(utf8, ParseOptions);

    /// <summary>The document's root as <see cref="Parse(string)"/> returns it: nodes that copy every value out of it.</summary>
    public static JsonNode? ToNode(JsonDocument document) => ToNode(document.RootElement);

    /// <summary>
    /// The members of the object <paramref name="element"/> whose value is a string, as JSON.parse keeps members: each name
    /// once, at its first place, with its last value (a name whose last value is not a string is left out).
    /// Throws InvalidOperationException when <paramref name="element"/> is not an object.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> StringMembers(JsonElement element)
    {
        // Names and values side by side in lists of strings: the runtime's precompiled shared code serves them, where a
        // list of (string, JsonElement) pairs is compiled on first use (an alias.json of 10,000 orgs is read per Tab press).
        // Sized by a first walk (no allocation): an alias.json of 10,000 orgs grew each of these a dozen times.
        var count = 0;
        foreach (var _ in element.EnumerateObject()) count++;
        var names = new List<string>(count);
        var values = new List<string?>(count);
        var places = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var missing = 0;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            if (places.TryGetValue(property.Name, out var place))
            {
                if (values[place] is null) missing--;
                values[place] = value;
            }
            else
            {
                places.Add(property.Name, names.Count);
                names.Add(property.Name);
                values.Add(value);
            }
            if (value is null) missing++;
        }
        var members = new List<KeyValuePair<string, string>>(names.Count - missing);
        for (var i = 0; i < names.Count; i++)
            if (values[i] is { } text) members.Add(new KeyValuePair<string, string>(names[i], text));
        return members;
    }

    private static readonly JsonDocumentOptions ParseOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>
    /// The first member name that occurs twice in one object of <paramref name="text"/> (at any depth) among
    /// <paramref name="names"/>, or null: the check serde makes for a struct's known fields (codex's auth.json).
    /// </summary>
    public static string? FindRepeatedMember(string text, ICollection<string> names)
    {
        using var document = JsonDocument.Parse(text);
        return FindRepeatedMember(document.RootElement, names);
    }

    private static string? FindRepeatedMember(JsonElement element, ICollection<string> names)
    {
        if (element.ValueKind == JsonValueKind.Array)
            return element.EnumerateArray().Select(item => FindRepeatedMember(item, names)).FirstOrDefault(name => name is not null);
        if (element.ValueKind != JsonValueKind.Object) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name) && names.Contains(property.Name)) return property.Name;
            if (FindRepeatedMember(property.Value, names) is { } nested) return nested;
        }
        return null;
    }

    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                // The indexer replaces a repeated name's value in place: JSON.parse's last-wins at the first place.
                foreach (var property in element.EnumerateObject()) obj[property.Name] = ToNode(property.Value);
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray()) array.Add(ToNode(item));
                return array;
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            case JsonValueKind.True:
            case JsonValueKind.False:
                return JsonValue.Create(element.GetBoolean());
            default:
                // A number keeps its own spelling (1.0, 1e3), as Stringify writes it back.
                return JsonValue.Create(element.Clone());
        }
    }

    /// <summary>The string held by a JSON value, or null when it is absent or not a string.</summary>
    public static string? AsString(JsonNode? node)
    {
        if (node is not JsonValue value) return null;
        if (value.TryGetValue(out JsonElement element)) return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value.TryGetValue(out string? text) ? text : null;
    }

    private static void Write(StringBuilder builder, JsonNode? node, int indent, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteContainer(builder, obj, '{', '}', indent, depth, (b, pair) =>
                {
                    WriteString(b, pair.Key);
                    b.Append(indent > 0 ? ": " : ":");
                    Write(b, pair.Value, indent, depth + 1);
                });
                break;
            case JsonArray array:
                WriteContainer(builder, array, '[', ']', indent, depth, (b, item) => Write(b, item, indent, depth + 1));
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteContainer<T>(StringBuilder builder, IEnumerable<T> items, char open, char close, int indent, int depth, Action<StringBuilder, T> writeItem)
    {
        builder.Append(open);
        var any = false;
        foreach (var item in items)
        {
            if (any) builder.Append(',');
            any = true;
            NewLine(builder, indent, depth + 1);
            writeItem(builder, item);
        }
        if (any) NewLine(builder, indent, depth);
        builder.Append(close);
    }

    private static void NewLine(StringBuilder builder, int indent, int depth)
    {
        if (indent <= 0) return;
        builder.Append('\n').Append(' ', indent * depth);
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: WriteString(builder, element.GetString()!); return;
                case JsonValueKind.True: builder.Append("true"); return;
                case JsonValueKind.False: builder.Append("false"); return;
                case JsonValueKind.Null: builder.Append("null"); return;
                default: builder.Append(element.GetRawText()); return;
            }
        }
        if (value.TryGetValue(out string? text)) { WriteString(builder, text!); return; }
        if (value.TryGetValue(out bool flag)) { builder.Append(flag ? "true" : "false"); return; }
        if (value.TryGetValue(out long integer)) { builder.Append(integer.ToString(CultureInfo.InvariantCulture)); return; }
        if (value.TryGetValue(out double number)) { builder.Append(number.ToString("R", CultureInfo.InvariantCulture)); return; }
        builder.Append(value.ToJsonString());
    }

    /// <summary>JSON.stringify's string quoting: only quote, backslash and control characters are escaped.</summary>
    public static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }
}
