namespace LogoutModule.Core.Toml;

public enum TomlValueKind
{
    String,
    Integer,
    Float,
    Boolean,
    OffsetDateTime,
    LocalDateTime,
    LocalDate,
    LocalTime,
    Array,
    Table,
}

/// <summary>A parsed TOML value; <see cref="Kind"/> says which subclass it is.</summary>
public abstract class TomlValue
{
    private protected TomlValue() { }

    public abstract TomlValueKind Kind { get; }
}

public sealed class TomlString(string value) : TomlValue
{
    public override TomlValueKind Kind => TomlValueKind.String;
    public string Value { get; } = value;
    public override string ToString() => Value;
}

public sealed class TomlInteger(long value) : TomlValue
{
    public override TomlValueKind Kind => TomlValueKind.Integer;
    public long Value { get; } = value;
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class TomlFloat(double value) : TomlValue
{
    public override TomlValueKind Kind => TomlValueKind.Float;
    public double Value { get; } = value;
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class TomlBoolean(bool value) : TomlValue
{
    public override TomlValueKind Kind => TomlValueKind.Boolean;
    public bool Value { get; } = value;
    public override string ToString() => Value ? "true" : "false";
}

/// <summary>
/// One of the four date/time kinds. Kept as its exact source text: the kinds have no single .NET type
/// (local times, nanoseconds, "-00:00"), and callers only need to show or compare them.
/// </summary>
public sealed class TomlDateTime : TomlValue
{
    internal TomlDateTime(TomlValueKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public override TomlValueKind Kind { get; }
    public string Text { get; }
    public override string ToString() => Text;
}
