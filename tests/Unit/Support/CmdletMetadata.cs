using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace LogoutModule.Tests.Support;

/// <summary>
/// The cmdlet layer read as metadata from the built module (System.Reflection.MetadataLoadContext), because
/// PowerShellStandard's System.Management.Automation cannot run cmdlets. Enum arguments come back as ints.
/// </summary>
public sealed class CmdletMetadata : IDisposable
{
    private const string Sma = "System.Management.Automation";
    private readonly MetadataLoadContext _context;

    public CmdletMetadata()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var paths = Directory.GetFiles(runtime, "*.dll")
            .Where(p => Path.GetFileName(p) != "System.Management.Automation.dll")
            .Concat(new[] { SmaReferenceAssembly, RepoPaths.CmdletAssembly, RepoPaths.CoreAssembly });
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
        CmdletAssembly = _context.LoadFromAssemblyPath(RepoPaths.CmdletAssembly);
        CoreAssembly = _context.LoadFromAssemblyPath(RepoPaths.CoreAssembly);
        SmaAssembly = _context.LoadFromAssemblyName(Sma);
        Cmdlets = CmdletAssembly.GetTypes()
            .Select(type => (type, attribute: type.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == Sma + ".CmdletAttribute")))
            .Where(pair => pair.attribute is not null)
            .Select(pair => new CmdletInfo(pair.type, pair.attribute!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>PowerShellStandard.Library's reference System.Management.Automation.dll (the project records its path).</summary>
    public static string SmaReferenceAssembly => typeof(CmdletMetadata).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SmaReferencePath").Value!;

    public Assembly CmdletAssembly { get; }
    public Assembly CoreAssembly { get; }
    public Assembly SmaAssembly { get; }
    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    /// <summary>Approved verbs: the string constants of SMA's Verbs* classes.</summary>
    public IReadOnlySet<string> ApprovedVerbs() => SmaAssembly.GetTypes()
        .Where(t => t.Namespace == Sma && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> ErrorCategoryNames() => SmaAssembly.GetType(Sma + ".ErrorCategory")!
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>A plain-text snapshot of the whole public surface, compared with the committed one on each run.</summary>
    public string Surface()
    {
        var text = new StringBuilder();
        foreach (var cmdlet in Cmdlets)
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

    public void Dispose() => _context.Dispose();
}

public sealed class CmdletInfo
{
    internal CmdletInfo(Type type, CustomAttributeData attribute)
    {
        Type = type;
        Verb = (string)attribute.ConstructorArguments[0].Value!;
        Noun = (string)attribute.ConstructorArguments[1].Value!;
        object? Named(string name) => attribute.NamedArguments.FirstOrDefault(a => a.MemberName == name).TypedValue.Value;
        SupportsShouldProcess = Named("SupportsShouldProcess") as bool? ?? false;
        ConfirmImpact = Named("ConfirmImpact") as int? ?? 2; // Medium
        DefaultParameterSetName = Named("DefaultParameterSetName") as string;
        OutputTypes = type.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { arg.Value })
            .OfType<Type>()
            .ToList();
        Parameters = type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Select(member => (member, data: member.GetCustomAttributesData()))
            .Where(pair => pair.data.Any(a => a.AttributeType.Name == "ParameterAttribute"))
            .Select(pair => new ParameterInfoData(pair.member, pair.data))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    public Type Type { get; }
    public string Verb { get; }
    public string Noun { get; }
    public string Name => Verb + "-" + Noun;
    public bool SupportsShouldProcess { get; }
    public int ConfirmImpact { get; }
    public string? DefaultParameterSetName { get; }
    public IReadOnlyList<Type> OutputTypes { get; }
    public IReadOnlyList<ParameterInfoData> Parameters { get; }

    /// <summary>Parameter set names in use; "__AllParameterSets" for parameters that name none.</summary>
    public IReadOnlyList<string> SetNames => Parameters.SelectMany(p => p.Sets).Select(s => s.Name).Distinct().ToList();
}

public sealed class ParameterInfoData
{
    internal ParameterInfoData(MemberInfo member, IList<CustomAttributeData> attributes)
    {
        Member = member;
        Name = member.Name;
        Type = member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;
        Aliases = attributes.Where(a => a.AttributeType.Name == "AliasAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => (string)i.Value!) : new[] { (string)arg.Value! })
            .ToList();
        SupportsWildcards = attributes.Any(a => a.AttributeType.Name == "SupportsWildcardsAttribute");
        Sets = attributes.Where(a => a.AttributeType.Name == "ParameterAttribute").Select(a =>
        {
            object? Named(string name) => a.NamedArguments.FirstOrDefault(n => n.MemberName == name).TypedValue.Value;
            return new ParameterSetData(
                Named("ParameterSetName") as string ?? "__AllParameterSets",
                Named("Mandatory") as bool? ?? false,
                Named("Position") as int? ?? int.MinValue,
                Named("ValueFromPipeline") as bool? ?? false,
                Named("ValueFromPipelineByPropertyName") as bool? ?? false);
        }).ToList();
    }

    public MemberInfo Member { get; }
    public string Name { get; }
    public Type Type { get; }
    public IReadOnlyList<string> Aliases { get; }
    public bool SupportsWildcards { get; }
    public IReadOnlyList<ParameterSetData> Sets { get; }
}

public sealed record ParameterSetData(string Name, bool Mandatory, int? Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName);
