#Requires -Version 5.1
<#
.SYNOPSIS
    Builds LogoutModule into out/LogoutModule and runs its tests.
.PARAMETER Task
    Build  - dotnet build: lays out the importable module in out/LogoutModule (the default).
    Test   - Build, then the xUnit suites (dotnet test) and the Pester suite.
    Pester - only the Pester suite in tests/Pester, against the built module.
.EXAMPLE
    ./build.ps1; Import-Module ./out/LogoutModule/LogoutModule.psd1; Get-AuthenticatedOrg
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Build {
    dotnet build src/LogoutCmdlets -c $Configuration
    if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)" }
    Write-Host "Module laid out in $(Join-Path $PSScriptRoot 'out/LogoutModule')"
}

function Import-PinnedPester {
    # Pester comes from the NuGet source (build/tools.csproj pins it), never from PSGallery or the machine's modules.
    $version = ([xml](Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot 'build/tools.csproj'))).Project.PropertyGroup.PesterVersion
    $manifest = Join-Path $PSScriptRoot "out/tools/pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) {
        dotnet restore (Join-Path $PSScriptRoot 'build/tools.csproj')
        if ($LASTEXITCODE -ne 0) { throw "restoring Pester $version failed ($LASTEXITCODE)" }
    }
    Import-Module -Name $manifest -Force -ErrorAction Stop
}

function Invoke-PesterSuite {
    Import-PinnedPester
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = Join-Path $PSScriptRoot 'tests/Pester'
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    # Each test file imports the built module itself, in a child scope with HOME pointed at TestDrive.
    $result = Invoke-Pester -Configuration $configuration
    # .ci/run sums this line with the other suites.
    # A test file that fails to load counts as a failure too (FailedContainersCount), or the line could say 0 failed.
    "Pester: $($result.PassedCount) passed, $($result.FailedCount + $result.FailedContainersCount) failed, $($result.SkippedCount) skipped"
    if ($result.FailedCount -gt 0 -or $result.Result -ne 'Passed') { exit 1 }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' {
        Invoke-Build
        dotnet test tests/Unit
        if ($LASTEXITCODE -ne 0) { throw "dotnet test failed ($LASTEXITCODE)" }
        Invoke-PesterSuite
    }
    'Pester' {
        if (-not (Test-Path (Join-Path $PSScriptRoot 'out/LogoutModule/net8.0/LogoutCmdlets.dll'))) { Invoke-Build }
        Invoke-PesterSuite
    }
}
