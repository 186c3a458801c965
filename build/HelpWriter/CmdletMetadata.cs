using System.Reflection;
using System.Runtime.InteropServices;

namespace LogoutModule.HelpWriter;

/// <summary>
/// The cmdlet layer read as metadata from a built LogoutCmdlets.dll (System.Reflection.MetadataLoadContext), because
/// PowerShellStandard's System.Management.Automation cannot run cmdlets: what the help's syntax is written from, and
/// what the metadata tests inspect. Enum arguments come back as ints.
/// </summary>
public sealed class CmdletMetadata : IDisposable
{
    private const string Sma = "System.Management.Automation";
    private readonly MetadataLoadContext _context;

    /// <summary>Reads <paramref name="cmdletAssemblyPath"/> (LogoutCmdlets.dll) with the LogoutCore.dll beside it.</summary>
    public CmdletMetadata(string cmdletAssemblyPath)
    {
        var coreAssemblyPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(cmdletAssemblyPath))!, "LogoutCore.dll");
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var paths = Directory.GetFiles(runtime, "*.dll")
            .Where(p => Path.GetFileName(p) != "System.Management.Automation.dll")
            .Concat(new[] { SmaReferenceAssembly, cmdletAssemblyPath, coreAssemblyPath });
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
        CmdletAssembly = _context.LoadFromAssemblyPath(cmdletAssemblyPath);
        CoreAssembly = _context.LoadFromAssemblyPath(coreAssemblyPath);
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
        HelpUri = Named("HelpUri") as string;
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

    /// <summary>CmdletAttribute.HelpUri: the page Get-Help -Online opens.</summary>
    public string? HelpUri { get; }
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
