using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using LogoutModule.Core.Auth0;

namespace LogoutModule.Commands.Completion;

/// <summary>
/// Tab completion for Test-Auth0LogoutUrl -ReturnTo: the Allowed Logout URLs already given to -AllowedLogoutUrl on the
/// same command line (see AllowListMatcher.CompleteReturnTo). Nothing is fetched to complete.
/// </summary>
public sealed class ReturnToCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        => CompletionResults.From(AllowListMatcher.CompleteReturnTo(CompletionResults.Bound(fakeBoundParameters, "AllowedLogoutUrl"), wordToComplete));
}
