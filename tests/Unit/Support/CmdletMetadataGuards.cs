using System.Reflection;
using System.Text;
using LogoutModule.HelpWriter;

namespace LogoutModule.Tests.Support;

/// <summary>What the metadata tests ask of the cmdlet layer beyond what the help is written from.</summary>
public static class CmdletMetadataGuards
{
    private const string Sma = "System.Management.Automation";

    /// <summary>Approved verbs: the string constants of SMA's Verbs* classes.</summary>
    public static IReadOnlySet<string> ApprovedVerbs(this CmdletMetadata metadata) => metadata.SmaAssembly.GetTypes()
        .Where(t => t.Namespace == Sma && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> ErrorCategoryNames(this CmdletMetadata metadata) => metadata.SmaAssembly.GetType(Sma + ".ErrorCategory")!
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>A plain-text snapshot of the whole public surface, compared with the committed one on each run.</summary>
    public static string Surface(this CmdletMetadata metadata)
    {
        var text = new StringBuilder();
        foreach (var cmdlet in metadata.Cmdlets)
        {
            text.Append(cmdlet.Name).Append(" (").Append(cmdlet.Type.FullName).Append(')');
            text.Append(" ShouldProcess=").Append(cmdlet.SupportsShouldProcess);
            text.Append(" ConfirmImpact=").Append(cmdlet.ConfirmImpact);
            text.Append(" DefaultSet=").Append(cmdlet.DefaultParameterSetName ?? "-").Append('\n');
            text.Append("  OutputType: ").Append(string.Join(", ", cmdlet.OutputTypes.Select(t => t.FullName))).Append('\n');
            foreach (var parameter in cmdlet.Parameters)
            {
                text.Append("  -").Append(parameter.Name).Append(" [").Append(TypeName(parameter.Type)).Append(']');
                if (parameter.Aliases.Count > 0) text.Append(" Alias=").Append(string.Join("/", parameter.Aliases));
                if (parameter.SupportsWildcards) text.Append(" Wildcards");
                text.Append('\n');
                foreach (var set in parameter.Sets)
                {
                    text.Append("    set ").Append(set.Name).Append(':');
                    if (set.Mandatory) text.Append(" Mandatory");
                    if (set.Position is { } position and >= 0) text.Append(" Position=").Append(position);
                    if (set.ValueFromPipeline) text.Append(" ByValue");
                    if (set.ValueFromPipelineByPropertyName) text.Append(" ByPropertyName");
                    text.Append('\n');
                }
            }
        }
        return text.ToString();
    }

    private static string TypeName(Type type) => type.IsArray ? TypeName(type.GetElementType()!) + "[]"
        : type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? TypeName(type.GetGenericArguments()[0]) + "?"
        : type.FullName!;
}
