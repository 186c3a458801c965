#Requires -Version 5.1
<#
.SYNOPSIS
    Builds LogoutModule into out/LogoutModule, runs its tests, packages it, or shows it working.
.PARAMETER Task
    Build   - dotnet build: lays out the importable module in out/LogoutModule (the default).
    Demo    - Build, then in this pwsh: lists your sf orgs, or, where sf holds none, works on a copy of the sample sf home
              in samples/ (fake credentials): lists its orgs, shows Disconnect-Org -WhatIf, logs out of one, shows
              what changed on disk.
    Test    - Every suite: the xUnit projects (tests/Unit: the core, metadata and help guards; tests/Interop: against
              the real peers where installed, skipping otherwise) and the Pester suite in tests/Pester. Ends with one
              summary line per runner.
    Pester  - only the Pester suite, against the built module.
    Help    - Build, then regenerates the shipped MAML (src/LogoutCmdlets/en-US/LogoutCmdlets.dll-Help.xml) from
              docs/help/*.md and the cmdlets' real parameter sets with build/HelpWriter, even when it looks current.
              Every build already does this when the markdown, the writer or the cmdlets changed; the help tests fail
              while the committed MAML is stale.
    Package - out/package/LogoutModule.<version>.nupkg, written by PSResourceGet's Publish-PSResource from a Release
              build, installable with Install-PSResource from that folder.
    Benchmark - Build (Release), then the benchmark program in tests/Benchmarks (not part of the module, the default
              build or CI): sf homes of 100 to 10,000 orgs, the core in-process (BenchmarkDotNet), the cmdlets in this
              repo's pwsh and the real sf/codex where installed; prints every target with PASS/FAIL and writes the table
              to out/benchmarks/results.md. Takes several minutes.
.PARAMETER BenchmarkArgument
    Options for the benchmark program, e.g. '--quick' (every target, fewer repetitions), '--sizes', '100,1000',
    '--no-peers', '--sf-all-max', '1000'.
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 -Task Demo
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Demo', 'Test', 'Pester', 'Package', 'Benchmark', 'Help')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [string[]] $BenchmarkArgument = @()
)
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

# The xUnit projects `-Task Test` runs, in order; each also runs alone with `dotnet test <folder>`.
$TestProjects = @('tests/Unit', 'tests/Interop')

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
    # Returns $true when every Pester test passed.
    Import-PinnedPester
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = Join-Path $PSScriptRoot 'tests/Pester'
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    # Each test file imports the built module itself, in a child scope with HOME pointed at TestDrive.
    $result = Invoke-Pester -Configuration $configuration
    # .ci/run sums this line with the other suites.
    # A test file that fails to load counts as a failure too (FailedContainersCount), or the line could say 0 failed.
    Write-Host "Pester: $($result.PassedCount) passed, $($result.FailedCount + $result.FailedContainersCount) failed, $($result.SkippedCount) skipped"
    $result.FailedCount -eq 0 -and $result.Result -eq 'Passed'
}

function Invoke-Package {
    # A Release build laid out in a staging folder (out/LogoutModule, which a session may have imported, is left alone),
    # then Publish-PSResource into out/package through a throwaway local repository registration.
    $package = Join-Path $PSScriptRoot 'out/package'
    $staging = Join-Path $package 'staging'
    Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction Ignore
    dotnet build src/LogoutCmdlets -c Release "-p:ModuleOutputDir=$staging/LogoutModule/"
    if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)" }
    # Test-ModuleManifest, not Import-PowerShellDataFile: the manifest picks its RootModule by $PSEdition, an expression
    # only a module manifest may hold.
    $version = (Test-ModuleManifest -Path "$staging/LogoutModule/LogoutModule.psd1").Version.ToString()
    Remove-Item -LiteralPath (Join-Path $package "LogoutModule.$version.nupkg") -Force -ErrorAction Ignore
    $repository = 'LogoutModuleBuild-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repository -Uri $package -Trusted
    try {
        Publish-PSResource -Path "$staging/LogoutModule" -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
        Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction Ignore
    }
    $nupkg = Join-Path $package "LogoutModule.$version.nupkg"
    if (-not (Test-Path -LiteralPath $nupkg)) { throw "Publish-PSResource wrote no $nupkg" }
    Write-Host "Package written: $nupkg"
    Write-Host "Install it with: Register-PSResourceRepository -Name LogoutModuleLocal -Uri '$package' -Trusted; Install-PSResource LogoutModule -Repository LogoutModuleLocal"
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Demo' {
        Invoke-Build
        & (Join-Path $PSScriptRoot 'samples/Show-LogoutModule.ps1') -ModuleManifest (Join-Path $PSScriptRoot 'out/LogoutModule/LogoutModule.psd1')
    }
    'Test' {
        # Every runner runs even when an earlier one failed, so one run reports everything.
        # dotnet test builds the module (Debug) and lays it out in out/LogoutModule, where Pester then imports it.
        $ok = $true
        foreach ($project in $TestProjects) {
            dotnet test $project
            if ($LASTEXITCODE -ne 0) { $ok = $false }
        }
        if (-not (Invoke-PesterSuite)) { $ok = $false }
        if (-not $ok) { exit 1 }
    }
    'Pester' {
        if (-not (Test-Path (Join-Path $PSScriptRoot 'out/LogoutModule/net8.0/LogoutCmdlets.dll'))) { Invoke-Build }
        if (-not (Invoke-PesterSuite)) { exit 1 }
    }
    'Package' { Invoke-Package }
    'Help' {
        # The build already regenerates the MAML when docs/help, build/HelpWriter or the cmdlets changed; this writes it
        # whatever the timestamps say (WriteHelp), then lays it out in out/LogoutModule (LayOutHelp).
        Invoke-Build
        dotnet msbuild src/LogoutCmdlets -nologo -v:minimal '-t:WriteHelp;LayOutHelp' "-p:Configuration=$Configuration"
        if ($LASTEXITCODE -ne 0) { throw "generating the help failed ($LASTEXITCODE)" }
    }
    'Benchmark' {
        # Timings are only meaningful for Release builds, whatever -Configuration says.
        $Configuration = 'Release'
        Invoke-Build
        dotnet build tests/Benchmarks -c Release
        if ($LASTEXITCODE -ne 0) { throw "building the benchmark failed ($LASTEXITCODE)" }
        dotnet tool restore
        if ($LASTEXITCODE -ne 0) { throw "dotnet tool restore failed ($LASTEXITCODE)" }
        dotnet tests/Benchmarks/bin/Release/net10.0/LogoutModule.Benchmarks.dll @BenchmarkArgument
        # A missed target is a result, not a build failure: the table says which.
        if ($LASTEXITCODE -notin 0, 1) { throw "the benchmark failed ($LASTEXITCODE)" }
    }
}
