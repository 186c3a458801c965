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
    /// The process's sf context. A completer gets no session state; the current directory only locates a project's local
    /// config, which no completed name comes from.
    /// </summary>
    public static SfContext Context() => SfContext.FromProcess(Environment.CurrentDirectory);
}
