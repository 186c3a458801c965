using System.Management.Automation;
using LogoutModule.Commands.Completion;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Salesforce;

namespace LogoutModule.Commands;

/// <summary>
/// Logs the Salesforce CLI (sf) out of orgs, with the same effects on sf's files as sf org logout.
/// Targets from the whole pipeline are collected and logged out together in EndProcessing, so
/// alias.json and each config file are rewritten once per run and a stream of orgs confirms like one selection.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "Org", DefaultParameterSetName = ByTargetOrgSet, SupportsShouldProcess = true,
    HelpUri = "https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_logout.html")]
[OutputType(typeof(OrgLogoutResult))]
public sealed class DisconnectOrgCommand : LogoutCommandBase
{
    private const string ByTargetOrgSet = "ByTargetOrg";
    private const string InputObjectSet = "InputObject";
    private const string AllSet = "All";
    private const string ClientAppSet = "ClientApp";

    private readonly List<OrgSelection> _selections = new();

    /// <summary>
    /// Usernames or aliases, matched exactly (case-sensitive) as sf does. Binds by property name from Username, Alias or Name
    /// (a CSV column, a custom object), so a list of orgs in any of those shapes pipes straight in.
    /// </summary>
    [Parameter(ParameterSetName = ByTargetOrgSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ClientAppSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Username", "Alias", "Name")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(OrgNameCompleter))]
    public string[]? TargetOrg { get; set; }

    /// <summary>Org objects from Get-AuthenticatedOrg.</summary>
    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public OrgAuthorization[]? InputObject { get; set; }

    /// <summary>Every org sf is logged into.</summary>
    [Parameter(ParameterSetName = AllSet, Mandatory = true)]
    public SwitchParameter All { get; set; }

    /// <summary>Removes only this linked client app from the target's auth file; the org stays logged in.</summary>
    [Parameter(ParameterSetName = ClientAppSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClientAppCompleter))]
    public string? ClientApp { get; set; }

    /// <summary>The home folder whose sf state to change (default: the current user's); binds FullName, so folders can be piped in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? HomePath { get; set; }

    /// <summary>Skips the "Are you sure" question (ShouldContinue); -Confirm still asks.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Revokes each org's refresh token (or access token) at Salesforce before the local logout.</summary>
    [Parameter(ParameterSetName = ByTargetOrgSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Parameter(ParameterSetName = AllSet)]
    public SwitchParameter Revoke { get; set; }

    /// <summary>With -Revoke: how many seconds each revocation may wait for Salesforce (30 by default).</summary>
    [Parameter(ParameterSetName = ByTargetOrgSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Parameter(ParameterSetName = AllSet)]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = (int)TokenRevoker.DefaultTimeout.TotalSeconds;

    protected override void ProcessRecord()
        => _selections.Add(new OrgSelection
        {
            TargetOrgs = TargetOrg ?? Array.Empty<string>(),
            InputObjects = InputObject ?? Array.Empty<OrgAuthorization>(),
            HomePath = ResolvedPath(HomePath),
        });

    protected override void EndProcessing()
        => Run(() => DisconnectOrgOperation.Invoke(SalesforceContext.FromProcess(CurrentDirectory), new DisconnectOrgRequest
        {
            Selections = _selections,
            All = All.IsPresent,
            ClientApp = ClientApp,
            Force = NoPrompt(Force),
            WhatIf = WhatIfRequested,
            Revoke = Revoke.IsPresent,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
        }, Interaction));
}
