using System.Collections;
using System.Management.Automation;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;

namespace LogoutModule.Commands.Completion;

/// <summary>The core's completions as PowerShell's CompletionResult objects, and the sf context a completer reads.</summary>
internal static class CompletionResults
{
    public static IEnumerable<CompletionResult> From(IEnumerable<NameCompletion> completions)
        => completions.Select(completion => new CompletionResult(completion.Text, completion.Name, CompletionResultType.ParameterValue, completion.ToolTip)).ToList();

    /// <summary>The values already typed for another parameter on the line (fakeBoundParameters), as strings; none when absent.</summary>
    public static string[] Bound(IDictionary? fakeBoundParameters, string parameterName)
        => fakeBoundParameters?[parameterName] switch
        {
            null => Array.Empty<string>(),
            string one => new[] { one },
            IEnumerable many => many.Cast<object?>().Select(item => item?.ToString() ?? "").ToArray(),
            var other => new[] { other.ToString() ?? "" },
        };

    /// <summary>
    /// The sf context the command on the line would use: the home given to -HomePath when one is typed (relative to the
    /// PowerShell location, as the cmdlet resolves it), else the session's. A completer gets no session state of its own:
    /// a nested pipeline asks the session for its location, and the process directory stands in where there is none.
    /// </summary>
    public static SalesforceContext Context(IDictionary? fakeBoundParameters)
    {
        var location = Location();
        var homePath = Bound(fakeBoundParameters, "HomePath").FirstOrDefault();
        return SalesforceContext.FromProcess(location, string.IsNullOrEmpty(homePath) ? null : Path.GetFullPath(Path.Combine(location, homePath)));
    }

    private static string Location()
    {
        try
        {
            // The completer runs inside the session's pipeline: a nested pipeline on the current runspace can ask it.
            using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
            var location = shell.AddCommand("Microsoft.PowerShell.Management\\Get-Location").AddParameter("PSProvider", "FileSystem")
                .Invoke<PathInfo>().FirstOrDefault()?.ProviderPath;
            return string.IsNullOrEmpty(location) ? Environment.CurrentDirectory : location!;
        }
        catch (Exception e) when (e is PSInvalidOperationException or InvalidOperationException or RuntimeException)
        {
            // No session to ask (completion outside a pipeline): the process directory still serves.
            return Environment.CurrentDirectory;
        }
    }
}
