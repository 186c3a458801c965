using System.Globalization;
using System.Text;

namespace LogoutModule.Benchmarks;

/// <summary>
/// The printed result: one row per target (measured figure, target, PASS/FAIL, the peer's figure and the ratio), then
/// the other figures; as a Markdown table, so README can keep it verbatim.
/// </summary>
public sealed class Report
{
    private readonly List<string[]> _targets = new();
    private readonly List<string[]> _figures = new();

    public int Failed { get; private set; }

    /// <summary>A target: passes when measured ≤ limit; NaN (not measured) is reported as such and fails.</summary>
    public void Target(string what, double measured, double limit, string unit, string? peer = null, string? ratio = null, string? note = null)
    {
        var pass = !double.IsNaN(measured) && measured <= limit;
        if (!pass) Failed++;
        _targets.Add([what, double.IsNaN(measured) ? "not measured" : Format(measured, unit), "≤ " + Format(limit, unit),
            pass ? "PASS" : "FAIL", peer ?? "—", ratio ?? "—", note ?? ""]);
    }

    /// <summary>A figure with no target, beside its peer's.</summary>
    public void Figure(string what, string ours, string? peer = null, string? ratio = null)
        => _figures.Add([what, ours, peer ?? "—", ratio ?? "—"]);

    public static string Format(double value, string unit) => unit switch
    {
        "ms" when value >= 10_000 => (value / 1000).ToString("F1", CultureInfo.InvariantCulture) + " s",
        "ms" => value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms",
        "MB" => value.ToString("F1", CultureInfo.InvariantCulture) + " MB",
        "x" => value.ToString("F1", CultureInfo.InvariantCulture) + "×",
        _ => value.ToString("G4", CultureInfo.InvariantCulture) + " " + unit,
    };

    public static string Ms(double value) => double.IsNaN(value) ? "not measured" : Format(value, "ms");
    public static string Mb(long? bytes) => bytes is { } b ? Format(b / 1048576.0, "MB") : "n/a";
    public static string? Ratio(double peer, double ours) => double.IsNaN(peer) || double.IsNaN(ours) || ours <= 0 ? null : Format(peer / ours, "x");

    public string ToMarkdown(string machine)
    {
        var text = new StringBuilder();
        text.AppendLine(machine).AppendLine();
        Table(text, ["Target", "LogoutModule", "Target", "Result", "Peer (same run)", "Peer ÷ ours", "Note"], _targets);
        text.AppendLine();
        Table(text, ["Figure", "LogoutModule", "Peer (same run)", "Peer ÷ ours"], _figures);
        return text.ToString();
    }

    private static void Table(StringBuilder text, string[] header, List<string[]> rows)
    {
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows) text.AppendLine("| " + string.Join(" | ", row) + " |");
    }
}
