# The installable package: ./build.ps1 -Task Package writes a nupkg with PSResourceGet; Install-PSResource installs it
# from that folder into a user's module path, and a fresh pwsh imports it by name and lists orgs.
# The installing and importing pwsh get their own HOME in TestDrive, so the install never touches the real user's modules.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:PackageFolder = Join-Path $script:RepoRoot 'out/package'

    function Invoke-ChildPwsh([string] $HomePath, [string] $Script) {
        # A fresh, non-interactive pwsh whose HOME (and so its CurrentUser module path and PSResourceGet settings) is
        # HomePath; returns its output lines and leaves $LASTEXITCODE set.
        $saved = $env:HOME, $env:USERPROFILE, $env:PSModulePath
        try {
            $env:HOME = $HomePath; $env:USERPROFILE = $HomePath
            # Only the child's own default paths: nothing from this session's module path (where the module was imported).
            Remove-Item Env:PSModulePath -ErrorAction Ignore
            & $script:Pwsh -NoProfile -NonInteractive -Command $Script 2>&1
        }
        finally { $env:HOME, $env:USERPROFILE, $env:PSModulePath = $saved }
    }

    # The build keeps the real HOME (its NuGet cache and settings); its repository registration is throwaway and removed.
    $script:BuildOutput = & $script:Pwsh -NoProfile -NonInteractive -Command "& '$script:RepoRoot/build.ps1' -Task Package" 2>&1
    $script:BuildExitCode = $LASTEXITCODE
    $script:Version = (Test-ModuleManifest -Path (Join-Path $script:RepoRoot 'out/LogoutModule/LogoutModule.psd1')).Version.ToString()
}

Describe 'The LogoutModule package' {
    It 'is written by ./build.ps1 -Task Package as out/package/LogoutModule.<version>.nupkg' {
        $script:BuildExitCode | Should -Be 0 -Because ($script:BuildOutput -join "`n")
        Join-Path $script:PackageFolder "LogoutModule.$script:Version.nupkg" | Should -Exist
    }

    It 'carries the manifest version, release notes, LICENSE and CHANGELOG, and no placeholder URL' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead((Join-Path $script:PackageFolder "LogoutModule.$script:Version.nupkg"))
        try {
            $names = $zip.Entries.FullName
            $names | Should -Contain 'LICENSE'
            $names | Should -Contain 'CHANGELOG.md'
            $names | Should -Contain 'net8.0/LogoutCmdlets.dll'
            $names | Should -Contain 'netstandard2.0/LogoutCmdlets.dll'
            # The console's org list (Spectre.Console) loads from the flavour's own folder, Windows PowerShell's included.
            foreach ($flavour in 'net8.0', 'netstandard2.0') {
                $names | Should -Contain "$flavour/Spectre.Console.dll"
                $names | Should -Contain "$flavour/Spectre.Console.Ansi.dll"
            }
            $reader = [System.IO.StreamReader]::new($zip.GetEntry('LogoutModule.nuspec').Open())
            $nuspec = [xml]$reader.ReadToEnd(); $reader.Dispose()
        }
        finally { $zip.Dispose() }
        $nuspec.package.metadata.version | Should -Be $script:Version
        $nuspec.package.metadata.releaseNotes | Should -Match 'Install-PSResource'
        $nuspec.OuterXml | Should -Not -Match 'example\.invalid'
    }

    It 'installs with Install-PSResource from that folder and lists orgs after Import-Module by name in a fresh pwsh' {
        $userHome = Join-Path $TestDrive 'user'
        Copy-Item -LiteralPath (Join-Path $script:RepoRoot 'samples/sf-home') -Destination $userHome -Recurse
        if (-not $IsWindows) { chmod 600 (Join-Path $userHome '.sfdx/key.json') }

        $install = Invoke-ChildPwsh $userHome @"
Register-PSResourceRepository -Name LogoutModuleLocal -Uri '$script:PackageFolder' -Trusted
Install-PSResource -Name LogoutModule -Version '$script:Version' -Repository LogoutModuleLocal -Scope CurrentUser -Quiet
"@
        $LASTEXITCODE | Should -Be 0 -Because ($install -join "`n")

        $listing = Invoke-ChildPwsh $userHome @'
$env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'
Set-Location -LiteralPath $HOME
Import-Module LogoutModule -ErrorAction Stop
$module = Get-Module LogoutModule
[pscustomobject]@{
    ModuleBase = $module.ModuleBase
    Version    = $module.Version.ToString()
    Usernames  = @(Get-AuthenticatedOrg | ForEach-Object Username)
} | ConvertTo-Json -Compress
'@
        $LASTEXITCODE | Should -Be 0 -Because ($listing -join "`n")
        $result = ($listing | Select-Object -Last 1) | ConvertFrom-Json
        $result.ModuleBase | Should -BeLike "$userHome*"
        $result.Version | Should -Be $script:Version
        $result.Usernames.Count | Should -Be 12
        $result.Usernames | Should -Contain 'user1@fixture1.example.com'
    }
}
