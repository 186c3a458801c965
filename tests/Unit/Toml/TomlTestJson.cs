using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LogoutModule.Core.Toml;

namespace LogoutModule.Tests.Toml;

/// <summary>
/// toml-test's tagged JSON (tables and arrays as JSON, every scalar as {"type": ..., "value": ...}) and its comparison:
/// floats by value with inf/nan spellings, integers by value, date-times by the instant or local value they denote.
/// </summary>
internal static partial class TomlTestJson
{
    public static JsonNode ToTagged(TomlValue value) => value switch
    {
        TomlTable table => new JsonObject(table.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)ToTagged(pair.Value)))),
        TomlArray array => new JsonArray(array.Select(item => (JsonNode?)ToTagged(item)).ToArray()),
        TomlString s => Tag("string", s.Value),
        TomlInteger i => Tag("integer", i.ToString()),
        TomlFloat f => Tag("float", double.IsNaN(f.Value) ? "nan" : double.IsInfinity(f.Value) ? (f.Value > 0 ? "inf" : "-inf") : f.ToString()),
        TomlBoolean b => Tag("bool", b.ToString()),
        TomlDateTime d => Tag(d.Kind switch
        {
            TomlValueKind.OffsetDateTime => "datetime",
            TomlValueKind.LocalDateTime => "datetime-local",
            TomlValueKind.LocalDate => "date-local",
            _ => "time-local",
        }, d.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static JsonObject Tag(string type, string value) => new() { ["type"] = type, ["value"] = value };

    /// <summary>The path of the first difference, or null when the trees are equal the way toml-test compares them.</summary>
    public static string? FindDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (TryGetTag(expected, out var expectedType, out var expectedValue))
        {
            if (!TryGetTag(actual, out var actualType, out var actualValue)) return $"{path}: expected a {expectedType}";
            if (expectedType != actualType) return $"{path}: expected type {expectedType}, got {actualType}";
            return ScalarsEqual(expectedType, expectedValue, actualValue) ? null : $"{path}: expected {expectedValue}, got {actualValue}";
        }
        switch (expected)
        {
            case JsonObject expectedTable when actual is JsonObject actualTable:
                var expectedKeys = expectedTable.Select(p => p.Key).Order(StringComparer.Ordinal);
                var actualKeys = actualTable.Select(p => p.Key).Order(StringComparer.Ordinal);
                if (!expectedKeys.SequenceEqual(actualKeys))
                    return $"{path}: expected keys [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", actualKeys)}]";
                return expectedTable.Select(p => FindDifference(p.Value, actualTable[p.Key], $"{path}.{p.Key}")).FirstOrDefault(d => d is not null);
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count) return $"{path}: expected {expectedArray.Count} items, got {actualArray.Count}";
                return expectedArray.Select((item, i) => FindDifference(item, actualArray[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            default:
                return $"{path}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}";
        }
    }

    private static bool TryGetTag(JsonNode? node, out string type, out string value)
    {
        type = value = "";
        if (node is not JsonObject { Count: 2 } obj || obj["type"] is not JsonValue typeNode || obj["value"] is not JsonValue valueNode) return false;
        if (!typeNode.TryGetValue(out string? typeText) || !valueNode.TryGetValue(out string? valueText)) return false;
        (type, value) = (typeText, valueText);
        return true;
    }

    private static bool ScalarsEqual(string type, string expected, string actual) => type switch
    {
        "float" => NormalFloat(expected) == NormalFloat(actual),
        "integer" => long.Parse(expected, CultureInfo.InvariantCulture) == long.Parse(actual, CultureInfo.InvariantCulture),
        "datetime" or "datetime-local" or "date-local" or "time-local" => NormalDateTime(expected) == NormalDateTime(actual),
        _ => expected == actual,
    };

    private static string NormalFloat(string text) => text switch
    {
        "inf" or "+inf" => "+inf",
        "-inf" => "-inf",
        "nan" or "+nan" or "-nan" => "nan",
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>As toml-test: 't'/'z'/' ' spellings are equal, trailing fraction zeros don't matter, offsets compare as instants.</summary>
    private static string NormalDateTime(string text)
    {
        var match = DateTimeParts().Match(text.ToUpperInvariant().Replace(' ', 'T'));
        if (!match.Success) return text;
        var fraction = match.Groups["fraction"].Value.TrimEnd('0');
        var suffix = fraction.Length > 0 ? "." + fraction : "";
        if (!match.Groups["offset"].Success) return match.Groups["main"].Value + suffix;
        var offset = match.Groups["offset"].Value == "Z" ? TimeSpan.Zero : TimeSpan.Parse(match.Groups["offset"].Value.TrimStart('+'), CultureInfo.InvariantCulture);
        var local = DateTime.ParseExact(match.Groups["main"].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, offset).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + suffix + "Z";
    }

    [GeneratedRegex(@"^(?<main>[0-9-]{10}T[0-9:]{8}|[0-9-]{10}|[0-9:]{8})(?:\.(?<fraction>[0-9]+))?(?<offset>Z|[+-][0-9]{2}:[0-9]{2})?$")]
    private static partial Regex DateTimeParts();
}
