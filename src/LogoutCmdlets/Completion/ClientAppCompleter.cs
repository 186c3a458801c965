using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using LogoutModule.Core.Salesforce;

namespace LogoutModule.Commands.Completion;

/// <summary>
/// Tab completion for Disconnect-Org -ClientApp: the client apps linked to the org already given to -TargetOrg, read
/// from the names in its auth file's clientApps (see OrgNames.CompleteClientApp). Nothing is offered before -TargetOrg.
/// </summary>
public sealed class ClientAppCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        => CompletionResults.From(OrgNames.CompleteClientApp(CompletionResults.Context(fakeBoundParameters),
            CompletionResults.Bound(fakeBoundParameters, "TargetOrg").FirstOrDefault(), wordToComplete));
}
