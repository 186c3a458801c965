#Requires -Version 5.1
<#
.SYNOPSIS
    Shows LogoutModule at work on real files: your own sf orgs, or a sample sf home.
.DESCRIPTION
    Imports the built module. Where your Salesforce CLI is logged into orgs, lists them and changes nothing.
    Where it holds none (a fresh machine), copies samples/sf-home (12 orgs, fake credentials encrypted with the fake
    key in its key.json) to a temporary folder, points HOME there for this run only, and: lists its orgs, shows
    what Disconnect-Org would change (-WhatIf), logs out of one org for real, and shows what changed on disk.
.PARAMETER ModuleManifest
    The module to import (default: the build's out/LogoutModule/LogoutModule.psd1).
.EXAMPLE
    ./samples/Show-LogoutModule.ps1
#>
[CmdletBinding()]
param([string] $ModuleManifest = (Join-Path $PSScriptRoot '../out/LogoutModule/LogoutModule.psd1'))
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest -Force

function Write-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

function Get-FileDigest([string] $Root) {
    # Relative path -> SHA-256 of every file below Root.
    $digest = @{}
    foreach ($file in Get-ChildItem -LiteralPath $Root -Recurse -Force -File) {
        $digest[$file.FullName.Substring($Root.Length).TrimStart('/', '\')] = (Get-FileHash -LiteralPath $file.FullName).Hash
    }
    $digest
}

$mine = @(Get-AuthenticatedOrg -WarningAction SilentlyContinue)
if ($mine.Count -gt 0) {
    Write-Step "Your sf CLI is logged into $($mine.Count) org(s) (nothing is changed):"
    $mine | Format-Table | Out-Host
    Write-Host 'Try: Disconnect-Org <alias> -WhatIf'
    return
}

Write-Step 'Your sf CLI holds no org: working on a copy of samples/sf-home (fake credentials)'
$sampleHome = Join-Path ([System.IO.Path]::GetTempPath()) ('logoutmodule-sample-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'sf-home') -Destination $sampleHome -Recurse
# sf reads key.json only at mode 600 (git keeps no such mode).
if (-not $IsWindows) { chmod 600 (Join-Path $sampleHome '.sfdx/key.json') }
$saved = $env:HOME, $env:USERPROFILE, $env:SF_USE_GENERIC_UNIX_KEYCHAIN
Push-Location -LiteralPath $sampleHome
try {
    $env:HOME = $sampleHome; $env:USERPROFILE = $sampleHome; $env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'
    Write-Host "HOME = $sampleHome"

    Write-Step 'Get-AuthenticatedOrg'
    Get-AuthenticatedOrg | Format-Table | Out-Host

    Write-Step 'Disconnect-Org org9 -WhatIf   (nothing changes)'
    Disconnect-Org org9 -WhatIf

    $before = Get-FileDigest $sampleHome
    Write-Step 'Disconnect-Org org9 -Force'
    Disconnect-Org org9 -Force | Format-List | Out-Host
    $after = Get-FileDigest $sampleHome

    Write-Step 'What changed on disk'
    foreach ($path in @($before.Keys) + @($after.Keys) | Sort-Object -Unique) {
        if (-not $after.ContainsKey($path)) { Write-Host "  deleted  $path" }
        elseif (-not $before.ContainsKey($path)) { Write-Host "  created  $path" }
        elseif ($before[$path] -ne $after[$path]) { Write-Host "  changed  $path" }
    }
    Write-Host "  alias.json now: $(Get-Content -Raw -LiteralPath (Join-Path $sampleHome '.sfdx/alias.json'))"

    Write-Step 'Get-AuthenticatedOrg   (org9 and its alias extra9 are gone)'
    Get-AuthenticatedOrg | Format-Table | Out-Host
}
finally {
    Pop-Location
    $env:HOME, $env:USERPROFILE, $env:SF_USE_GENERIC_UNIX_KEYCHAIN = $saved
    Remove-Item -LiteralPath $sampleHome -Recurse -Force -ErrorAction Ignore
}
