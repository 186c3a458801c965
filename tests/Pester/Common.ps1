# Shared set-up for the Pester suites: the built module, and sf fixture homes in TestDrive.
$script:ModuleManifest = Join-Path $PSScriptRoot '../../out/LogoutModule/LogoutModule.psd1'
$script:SharedFixtures = Join-Path $PSScriptRoot '../../../shared/reference/fixtures'

function New-SfFixtureHome {
    # A copy of the shared sf home (12 orgs and a project) with key.json at mode 600, as sf requires.
    $sfHome = Join-Path $TestDrive ("sf-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    Copy-Item -LiteralPath (Join-Path $script:SharedFixtures 'sf-home') -Destination $sfHome -Recurse
    if (-not $IsWindows) { chmod -R u+w $sfHome; chmod 600 (Join-Path $sfHome '.sfdx/key.json') }
    $sfHome
}
