using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;

namespace LogoutModule.Commands.Completion;

/// <summary>
/// Tab completion for parameters that name an sf org (Disconnect-Org -TargetOrg, Get-AuthenticatedOrg -Name): the
/// usernames and aliases in ~/.sfdx (or the -HomePath typed on the line) that start with what is typed (see OrgNames.CompleteOrg; names only, nothing is
/// decrypted, nothing throws).
/// </summary>
public sealed class OrgNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        => CompletionResults.From(OrgNames.CompleteOrg(CompletionResults.Context(fakeBoundParameters), wordToComplete));
}
