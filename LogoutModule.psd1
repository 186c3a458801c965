# The build writes the shipped copy of this manifest into out/LogoutModule: it stamps ModuleVersion with the <Version>
# of Directory.Build.props and ReleaseNotes with that version's section of CHANGELOG.md (both written once, there).
@{
    # The edition's own cmdlet assembly, named here rather than loaded by a script module: a .psm1 costs a fresh pwsh a
    # script parse, a module scope and a nested Import-Module (about 20 ms of the import, issue 13). net8.0 on
    # PowerShell 7.4+ (platform AesGcm, the host's System.Text.Json), netstandard2.0 on Windows PowerShell 5.1 (Windows
    # CNG, shipped System.Text.Json). $PSEdition is one of the variables a manifest may read, on 5.1 as on 7.
    RootModule           = if ($PSEdition -eq 'Core') { 'net8.0/LogoutCmdlets.dll' } else { 'netstandard2.0/LogoutCmdlets.dll' }
    ModuleVersion        = '0.0.0'
    GUID                 = '5f0c3b1e-8a57-4c1d-9a52-2d8f3e6b7c41'
    Author               = 'LogoutModule contributors'
    CompanyName          = 'LogoutModule'
    Copyright            = '(c) LogoutModule contributors. MIT License.'
    Description          = 'Signs you out of Salesforce CLI orgs, the Codex CLI and Auth0 from one scriptable PowerShell surface: -WhatIf, -Confirm, pipeline objects, no secrets printed.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('LogoutModule.format.ps1xml')
    CmdletsToExport      = @(
        'Disconnect-Auth0Session'
        'Disconnect-Org'
        'Get-Auth0LogoutUrl'
        'Get-AuthenticatedOrg'
        'Get-CodexAuthStatus'
        'Remove-CodexToken'
        'Revoke-Auth0RefreshToken'
        'Test-Auth0LogoutUrl'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Logout', 'Salesforce', 'Codex', 'Auth0', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No LicenseUri/ProjectUri: the project has no public home yet; the LICENSE file ships in the package.
            ReleaseNotes = ''
        }
    }
}
