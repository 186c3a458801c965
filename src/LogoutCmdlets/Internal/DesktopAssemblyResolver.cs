using System.Management.Automation;
using System.Reflection;

namespace LogoutModule.Commands.Internal;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) loads no assembly whose version differs from the one a reference names
/// unless a binding redirect says so, and a module has no app.config. The netstandard2.0 folder ships such pairs
/// (System.Memory 4.0.1.2 names System.Buffers 4.0.2.0 while 4.0.3.0 ships), so on import this resolver answers
/// every failed load of a name the module folder holds with that folder's own copy, whatever version was asked for.
/// PowerShell runs <see cref="OnImport"/> when the module is imported and <see cref="OnRemove"/> on Remove-Module
/// (the pattern of PSResourceGet's and platyPS's dependency loaders). On PowerShell 7 it does nothing: the module's
/// load context already resolves the folder's copies.
/// </summary>
public sealed class DesktopAssemblyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DesktopAssemblyResolver).Assembly.Location)!;

    /// <summary>True on .NET Framework, the only runtime that needs the resolver.</summary>
    private static bool IsDesktop => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    /// <summary>Registers the resolver on Windows PowerShell; called by PowerShell at Import-Module.</summary>
    public void OnImport()
    {
        if (IsDesktop) AppDomain.CurrentDomain.AssemblyResolve += Resolve;
    }

    /// <summary>Unregisters the resolver; called by PowerShell at Remove-Module.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsDesktop) AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
    }

    /// <summary>
    /// Loads <c>&lt;module folder&gt;/&lt;simple name&gt;.dll</c> for a failed load, or returns null so other
    /// resolvers and the runtime's own error take over. Never throws (a resolver that throws breaks every load).
    /// </summary>
    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        try
        {
            var name = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(name)) return null;
            var candidate = Path.Combine(ModuleFolder, name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException or UnauthorizedAccessException or FileLoadException)
        {
            return null;
        }
    }
}
