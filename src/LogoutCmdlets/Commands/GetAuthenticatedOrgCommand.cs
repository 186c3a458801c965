using System.Management.Automation;
using LogoutModule.Commands.Completion;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Salesforce;

namespace LogoutModule.Commands;

/// <summary>
/// Lists the Salesforce orgs the Salesforce CLI (sf) is logged into, from sf's own files.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AuthenticatedOrg", DefaultParameterSetName = ByHomeSet,
    HelpUri = "https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_list_auth.html")]
[OutputType(typeof(OrgAuthorization))]
public sealed class GetAuthenticatedOrgCommand : LogoutCommandBase
{
    // The home set is the default so that a folder from Get-ChildItem binds its FullName to -HomePath, not its Name to -Name.
    private const string ByHomeSet = "ByHome";
    private const string ByNameSet = "ByName";

    /// <summary>Usernames or aliases to list; wildcards allowed, case-insensitive.</summary>
    [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Username", "TargetOrg")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(OrgNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>The home folder whose sf state to list (default: the current user's); binds FullName, so folders can be piped in.</summary>
    [Parameter(ParameterSetName = ByNameSet)]
    [Parameter(ParameterSetName = ByHomeSet, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? HomePath { get; set; }

    protected override void ProcessRecord()
        => Run(() => GetAuthenticatedOrgOperation.Invoke(SalesforceContext.FromProcess(CurrentDirectory, ResolvedPath(HomePath)),
            new GetAuthenticatedOrgRequest { Names = Name ?? Array.Empty<string>() }, Interaction));
}
