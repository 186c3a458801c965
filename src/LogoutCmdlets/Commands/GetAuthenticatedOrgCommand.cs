using System.Management.Automation;
using LogoutModule.Commands.Completion;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Salesforce;

namespace LogoutModule.Commands;

/// <summary>
/// Lists the Salesforce orgs the Salesforce CLI (sf) is logged into, from sf's own files.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AuthenticatedOrg")]
[OutputType(typeof(OrgAuthorization))]
public sealed class GetAuthenticatedOrgCommand : LogoutCommandBase
{
    /// <summary>Usernames or aliases to list; wildcards allowed, case-insensitive.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Username", "TargetOrg")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(OrgNameCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
        => Run(() => GetAuthenticatedOrgOperation.Invoke(SfContext.FromProcess(CurrentDirectory), Name, Interaction));
}
