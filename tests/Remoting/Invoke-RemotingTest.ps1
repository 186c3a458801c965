# The remoting suite's checks, run by .ci/suites/remoting.sh against its sshd on 127.0.0.1: Get-AuthenticatedOrg and
# Disconnect-Org through Invoke-Command -HostName, as root on another account's sf home. Results must come back
# deserialized with PSComputerName and render with the module's views cell for cell as the same objects do locally,
# nothing may need the host UI under -Force, files keep their owner, and the real sf agrees afterwards.
# Prints one line per check and ends with "Remoting: N passed, N failed".
param(
    [Parameter(Mandatory)] [int] $Port,
    [Parameter(Mandatory)] [string] $KeyFilePath,
    [Parameter(Mandatory)] [string] $WorkFolder,
    # Where the package was saved (the remote's PSModulePath): the local side loads the same module for its views.
    [Parameter(Mandatory)] [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
$script:Passed = 0; $script:Failed = 0
function Test-Check([string] $Name, [scriptblock] $Check) {
    # A check returns $true, or a description of what differed.
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try { $outcome = & $Check } catch { $outcome = "threw: $_" }
    if ($outcome -eq $true) { $script:Passed++; "PASS $Name ($($watch.ElapsedMilliseconds) ms)" }
    else { $script:Failed++; "FAIL $Name ($($watch.ElapsedMilliseconds) ms)`n$outcome" }
}
function Compare-Text([string] $Expected, [string] $Actual) {
    if ($Expected -ceq $Actual) { return $true }
    "--- local`n$Expected`n--- remote`n$Actual"
}
function Format-ViewCells([object[]] $Objects) {
    # The module's table view alone: PowerShell appends a PSComputerName column to remote objects, which is not the view's.
    $Objects | ForEach-Object { if ($_.PSObject.Properties['PSShowComputerName']) { $_.PSShowComputerName = $false }; $_ } |
        Format-Table | Out-String -Width 300
}

$manifest = Get-ChildItem -LiteralPath $ModulePath -Recurse -Filter LogoutModule.psd1 | Select-Object -First 1
Import-Module $manifest.FullName
$sfFixture = Join-Path $PSScriptRoot '../../../shared/reference/fixtures/sf-home'
$env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'

# Two copies of the fixture home owned by another account (as /home/<user> is): "remote" is logged out through
# remoting, "locals" (same path length, so tables keep their widths) in this session, to compare what each renders.
$homes = Join-Path $WorkFolder 'homes'
foreach ($name in 'remote', 'locals') {
    $target = Join-Path $homes $name
    New-Item -ItemType Directory -Path $homes -Force | Out-Null
    Copy-Item -LiteralPath $sfFixture -Destination $target -Recurse
    chmod -R u+w $target; chmod 600 (Join-Path $target '.sfdx/key.json'); chown -R 4242:4343 $target
}
$remoteHome = Join-Path $homes 'remote'; $localHome = Join-Path $homes 'locals'
Set-Location -LiteralPath $WorkFolder

$ssh = @{
    HostName = '127.0.0.1'; Port = $Port; UserName = 'root'; KeyFilePath = $KeyFilePath
    Options = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' }
}
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$session = New-PSSession @ssh
"remoting: session opened in $($watch.ElapsedMilliseconds) ms"
try {
    $remoteModule = Invoke-Command -Session $session -ScriptBlock {
        Import-Module LogoutModule -ErrorAction Stop
        (Get-Module LogoutModule).ModuleBase
    }
    Test-Check 'the remote side loads the module installed from the package' {
        if ($remoteModule -like "$ModulePath/*") { $true } else { "loaded from $remoteModule" }
    }

    $remoteOrgs = @(Invoke-Command -Session $session -ScriptBlock {
        param($HomePath, $Location)
        $env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'; Set-Location -LiteralPath $Location
        Get-AuthenticatedOrg -HomePath $HomePath
    } -ArgumentList $remoteHome, $WorkFolder)
    $localOrgs = @(Get-AuthenticatedOrg -HomePath $remoteHome)

    Test-Check 'Get-AuthenticatedOrg -HomePath comes back deserialized with PSComputerName' {
        $names = @($remoteOrgs | ForEach-Object PSComputerName | Select-Object -Unique)
        $types = @($remoteOrgs | ForEach-Object { $_.PSObject.TypeNames[0] } | Select-Object -Unique)
        if ($remoteOrgs.Count -eq 12 -and $names -ceq '127.0.0.1' -and $types -ceq 'Deserialized.LogoutModule.Core.Salesforce.OrgAuthorization' -and
            @($remoteOrgs.HomePath | Select-Object -Unique) -ceq $remoteHome) { $true }
        else { "count $($remoteOrgs.Count), PSComputerName $names, types $types" }
    }
    Test-Check 'the remote org table is the module''s view plus PowerShell''s PSComputerName column' {
        $table = $remoteOrgs | Format-Table | Out-String -Width 300
        if ($table -match '(?m)^Alias\s+Type\s+Expires\s+Username\s+PSComputerName\s*$' -and $table -match 'org8 .*expired.*127\.0\.0\.1') { $true } else { $table }
    }
    Test-Check 'the org table renders the remote objects cell for cell as the local ones' {
        Compare-Text (Format-ViewCells $localOrgs) (Format-ViewCells $remoteOrgs)
    }

    $remoteErrors = $null
    $remoteResults = @(Invoke-Command -Session $session -ErrorVariable remoteErrors -ScriptBlock {
        param($HomePath, $Location)
        $env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'; Set-Location -LiteralPath $Location
        # A host prompt here would fail: this client runs -NonInteractive with no stdin.
        Disconnect-Org -HomePath $HomePath -All -Force -WarningAction SilentlyContinue
    } -ArgumentList $remoteHome, $WorkFolder)
    $localResults = @(Disconnect-Org -HomePath $localHome -All -Force -WarningAction SilentlyContinue)

    Test-Check 'a remote Disconnect-Org -All -Force logs every org out with no prompt and no error' {
        if ($remoteResults.Count -eq 12 -and -not $remoteErrors -and @($remoteResults | ForEach-Object PSComputerName | Select-Object -Unique) -ceq '127.0.0.1') { $true }
        else { "results $($remoteResults.Count), errors: $remoteErrors" }
    }
    Test-Check 'the logout table renders the remote results cell for cell as the local ones' {
        Compare-Text ((Format-ViewCells $localResults) -replace 'locals', 'remote') (Format-ViewCells $remoteResults)
    }
    Test-Check 'every rewritten file keeps its owner 4242:4343' {
        $owners = '.sfdx/alias.json', '.sf/config.json', '.sfdx/sfdx-config.json' | ForEach-Object { stat -c '%u:%g' (Join-Path $remoteHome $_) }
        if (@($owners | Select-Object -Unique) -ceq '4242:4343') { $true } else { "owners: $owners" }
    }
    Test-Check 'the real sf org list auth on that home lists none afterwards' {
        $saved = $env:HOME
        try {
            $env:HOME = $remoteHome
            $json = & $env:LOGOUT_SF org list auth --json 2>$null | Out-String | ConvertFrom-Json
        }
        finally { $env:HOME = $saved }
        if ($null -ne $json.result -and @($json.result).Count -eq 0) { $true } else { "sf $env:LOGOUT_SF_VERSION listed: $($json | ConvertTo-Json -Depth 5 -Compress)" }
    }
}
finally {
    Remove-PSSession $session
}
"Remoting: $script:Passed passed, $script:Failed failed"
if ($script:Failed -gt 0) { exit 1 }
