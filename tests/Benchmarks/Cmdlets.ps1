<#
.SYNOPSIS
    One benchmark scenario in this pwsh process; the benchmark program (Program.cs) starts it and reads the last line,
    "RESULT <json>". Times are milliseconds (Stopwatch), memory is this process's peak working set in bytes.
.PARAMETER Scenario
    Cold        Import-Module, then the first Get-AuthenticatedOrg over $SfHome (a fresh process: JIT included).
    Idle        Import-Module only: the baseline for peak memory.
    ListPeak    Import-Module and one Get-AuthenticatedOrg.
    LogoutPeak  Import-Module and one Disconnect-Org -All -Force (on a copy the program made).
    Warm        For each template home (comma-separated): listing, TabExpansion2 of -TargetOrg and -All logout (each on a fresh copy),
                after one warm call, $Runs times each; wall-time medians and mean CPU times (all threads of the process).
    CodexCold   Import-Module, then the first Get-CodexAuthStatus and Remove-CodexToken -Force on $CodexHome.
    CodexWarm   Get-CodexAuthStatus and Remove-CodexToken -Force, auth.json restored before each logout; medians.
    Revoke      Disconnect-Org -All -Revoke -Force over $SfHome (orgs on a loopback server), once.
#>
param(
    [Parameter(Mandatory)] [string] $Scenario,
    [Parameter(Mandatory)] [string] $Module,
    [string] $SfHome,
    [string] $Template,
    [string] $Work,
    [string] $CodexHome,
    [int] $Runs = 5
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Get-Peak { [System.Diagnostics.Process]::GetCurrentProcess().Refresh(); [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 }
function Get-Median([double[]] $values) { $sorted = $values | Sort-Object; $sorted[[math]::Floor(($sorted.Count - 1) / 2)] }
function Measure-Ms([scriptblock] $block) { $watch = [System.Diagnostics.Stopwatch]::StartNew(); $null = & $block; $watch.Elapsed.TotalMilliseconds }
# This process's CPU time in ms: on a machine shared with other jobs it varies far less than wall time.
function Get-CpuMs { [System.Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime.TotalMilliseconds }
function Copy-Home([string] $from, [string] $to) {
    Set-Location -LiteralPath $PSScriptRoot    # pwsh will not remove its own current location
    if (Test-Path -LiteralPath $to) { Remove-Item -LiteralPath $to -Recurse -Force }
    & cp -a $from $to
    if ($LASTEXITCODE -ne 0) { throw "cp -a $from $to failed" }
}
function Assert-Count([object[]] $items, [int] $expected, [string] $what) {
    if ($items.Count -ne $expected) { throw "$what gave $($items.Count) objects, expected $expected" }
}
function Get-OrgCount([string] $sfHome) { @(Get-ChildItem -LiteralPath (Join-Path $sfHome '.sfdx') -Filter '*@*.json').Count }

# pwsh itself started with the real HOME (its caches); the module reads the sf home from HOME at each call.
if ($SfHome) { $env:HOME = $SfHome; Set-Location -LiteralPath $SfHome }
$result = [ordered]@{}
switch ($Scenario) {
    'Cold' {
        # The timing expression is compiled before the clock starts, and the times go to plain variables: in a fresh
        # pwsh, compiling a member read or a hashtable store is milliseconds that are the benchmark's, not the module's.
        $watch = [System.Diagnostics.Stopwatch]::new()
        $import = $watch.Elapsed.TotalMilliseconds
        $watch.Start()
        Import-Module $Module
        $import = $watch.Elapsed.TotalMilliseconds
        $orgs = @(Get-AuthenticatedOrg)
        $importAndFirstCall = $watch.Elapsed.TotalMilliseconds
        $result.import = $import
        $result.importAndFirstCall = $importAndFirstCall
        $result.objects = $orgs.Count
    }
    'Idle' { Import-Module $Module }
    'ListPeak' { Import-Module $Module; $result.objects = @(Get-AuthenticatedOrg).Count }
    'LogoutPeak' { Import-Module $Module; $result.objects = @(Disconnect-Org -All -Force).Count }
    'Warm' {
        Import-Module $Module
        $result.sizes = @()
        foreach ($templateHome in $Template -split ',') {
            $n = Get-OrgCount $templateHome
            $env:HOME = $templateHome
            Set-Location -LiteralPath $templateHome
            Assert-Count @(Get-AuthenticatedOrg) $n 'Get-AuthenticatedOrg'
            $cpu = Get-CpuMs
            $list = 1..$Runs | ForEach-Object { Measure-Ms { Get-AuthenticatedOrg } }
            $listCpu = ((Get-CpuMs) - $cpu) / $Runs

            $line = 'Disconnect-Org -TargetOrg '
            $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            # Without an argument completer for -TargetOrg, PowerShell offers file names: no alias or username among them.
            $hasCompleter = [bool]($completion.CompletionMatches | Where-Object { $_.CompletionText -eq 'a1' -or $_.CompletionText -like '*@bench*' } | Select-Object -First 1)
            $cpu = Get-CpuMs
            $complete = 1..$Runs | ForEach-Object { Measure-Ms { TabExpansion2 -inputScript $line -cursorColumn $line.Length } }
            $completionCpu = ((Get-CpuMs) - $cpu) / $Runs

            $logoutCpu = 0
            $logout = 1..$Runs | ForEach-Object {
                Copy-Home $templateHome $Work
                $env:HOME = $Work
                Set-Location -LiteralPath $Work
                $cpu = Get-CpuMs
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $results = @(Disconnect-Org -All -Force)
                $watch.Elapsed.TotalMilliseconds
                $logoutCpu += ((Get-CpuMs) - $cpu) / $Runs
                Assert-Count $results $n 'Disconnect-Org -All'
            }
            $result.sizes += [ordered]@{
                orgs = $n; list = Get-Median $list; completion = Get-Median $complete; completionMatches = $completion.CompletionMatches.Count
                hasCompleter = $hasCompleter; logoutAll = Get-Median $logout
                listCpu = $listCpu; completionCpu = $completionCpu; logoutAllCpu = $logoutCpu
            }
        }
        Set-Location -LiteralPath $PSScriptRoot
        if (Test-Path -LiteralPath $Work) { Remove-Item -LiteralPath $Work -Recurse -Force }
    }
    'CodexCold' {
        $auth = Get-Content -Raw -LiteralPath (Join-Path $CodexHome 'auth.json')
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Import-Module $Module
        $null = Get-CodexAuthStatus -CodexHome $CodexHome
        $result.status = $watch.Elapsed.TotalMilliseconds
        $watch.Restart()
        $null = Remove-CodexToken -CodexHome $CodexHome -Force
        $result.logout = $watch.Elapsed.TotalMilliseconds
        Set-Content -NoNewline -LiteralPath (Join-Path $CodexHome 'auth.json') -Value $auth
    }
    'CodexWarm' {
        Import-Module $Module
        $authFile = Join-Path $CodexHome 'auth.json'
        $auth = Get-Content -Raw -LiteralPath $authFile
        $null = Get-CodexAuthStatus -CodexHome $CodexHome
        $status = 1..$Runs | ForEach-Object { Measure-Ms { Get-CodexAuthStatus -CodexHome $CodexHome } }
        $logout = 0..$Runs | ForEach-Object {
            Set-Content -NoNewline -LiteralPath $authFile -Value $auth
            $ms = Measure-Ms { Remove-CodexToken -CodexHome $CodexHome -Force }
            if (Test-Path -LiteralPath $authFile) { throw 'Remove-CodexToken left auth.json' }
            if ($_ -gt 0) { $ms }
        }
        $result.status = Get-Median $status
        $result.logout = Get-Median $logout
        Set-Content -NoNewline -LiteralPath $authFile -Value $auth
    }
    'Revoke' {
        Import-Module $Module
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @(Disconnect-Org -All -Revoke -Force)
        $result.revoke = $watch.Elapsed.TotalMilliseconds
        $result.objects = $results.Count
        $result.revoked = @($results | Where-Object { "$($_.Revocation)" -eq 'Revoked' }).Count
    }
    default { throw "Unknown scenario $Scenario" }
}
$result.peakWorkingSet = Get-Peak
'RESULT ' + ($result | ConvertTo-Json -Compress -Depth 4)
