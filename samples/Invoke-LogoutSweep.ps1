#Requires -Modules LogoutModule
<#
.SYNOPSIS
Logs every home folder under a root out of the Salesforce CLI and the Codex CLI, and reports one row per home.

.DESCRIPTION
An offboarding or incident sweep built only from the module's cmdlets, for root (or an administrator) on a shared
machine. For each folder under -Root it lists the sf orgs and the codex login, then logs them out with
Disconnect-Org -HomePath <home> -All and Remove-CodexToken -HomePath <home>, keeping each file's owner, group and mode.
Run it with -WhatIf first: nothing changes and the What if lines show every file that would. One home's failure is
recorded in its row and the sweep goes on.

Emits one object per home: Home, OrgsFound, OrgsLoggedOut, Orgs (usernames logged out, ';'-separated), CodexLoggedIn,
CodexRemoved and Errors (error ids, ';'-separated), ready for Export-Csv.

.EXAMPLE
./Invoke-LogoutSweep.ps1 -Root /home -WhatIf
./Invoke-LogoutSweep.ps1 -Root /home -Force | Export-Csv sweep.csv -NoTypeInformation
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The folder whose subfolders are the homes to sweep (/home, /Users, C:\Users).
    [Parameter(Mandatory)] [string] $Root,
    # Log out without the per-org and per-token confirmation questions.
    [switch] $Force,
    # Revoke each org's token at Salesforce too (Disconnect-Org -Revoke); needs the home's sf key.
    [switch] $Revoke,
    # Do not revoke ChatGPT tokens at OpenAI; only remove the local codex credentials.
    [switch] $SkipRevoke
)

foreach ($homeFolder in Get-ChildItem -LiteralPath $Root -Directory) {
    $problems = [System.Collections.Generic.List[object]]::new()
    $found = @(); $loggedOut = @(); $status = $null; $codex = @()
    try {
        $found = @(Get-AuthenticatedOrg -HomePath $homeFolder.FullName -ErrorAction SilentlyContinue -ErrorVariable +problems)
        if ($found.Count -gt 0) {
            $loggedOut = @(Disconnect-Org -HomePath $homeFolder.FullName -All -Force:$Force -Revoke:$Revoke -ErrorAction SilentlyContinue -ErrorVariable +problems)
        }
    } catch { $problems.Add($_) }
    try {
        $status = Get-CodexAuthStatus -HomePath $homeFolder.FullName -ErrorAction SilentlyContinue -ErrorVariable +problems
        if ($status.LoggedIn -or $status.LegacyAuthTokenPresent) {
            $codex = @(Remove-CodexToken -HomePath $homeFolder.FullName -Force:$Force -SkipRevoke:$SkipRevoke -ErrorAction SilentlyContinue -ErrorVariable +problems)
        }
    } catch { $problems.Add($_) }

    [pscustomobject]@{
        Home          = $homeFolder.FullName
        OrgsFound     = $found.Count
        OrgsLoggedOut = $loggedOut.Count
        Orgs          = ($loggedOut.Username | Sort-Object -Unique) -join ';'
        CodexLoggedIn = [bool]$status.LoggedIn
        CodexRemoved  = [bool]($codex | Where-Object { $_.AuthFileRemoved -or $_.KeyringEntryRemoved -or $_.LegacyAuthTokenRemoved })
        Errors        = ($problems | ForEach-Object { $_.FullyQualifiedErrorId } | Select-Object -Unique) -join ';'
    }
}
