# The default views at an 80-column console: every line fits, and the field each view exists for shows whole.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force

    function Show-At80 {
        # What an 80-column console prints for the objects; fails the test if any line is wider.
        $text = $input | Out-String -Width 80
        $text -split '\r?\n' | Where-Object Length -gt 80 | Should -BeNullOrEmpty
        $text
    }

    function Join-Wrapped([string] $Text) {
        # A list view wraps a long value onto indented lines; without the whitespace the value reads whole again.
        $Text -replace '\s', ''
    }

    function Copy-Deserialized([int] $Depth) {
        # What a remote session hands back: objects serialized and read back (Import-Clixml uses remoting's format).
        $file = Join-Path $TestDrive ("clixml-" + [guid]::NewGuid().ToString('N') + '.xml')
        $input | Export-Clixml -LiteralPath $file -Depth $Depth
        Import-Clixml -LiteralPath $file
    }
}

Describe 'Views at 80 columns' {
    BeforeEach { $script:SfHome = Enter-SfFixtureHome }
    AfterEach { Exit-SfFixtureHome }

    It 'Get-AuthenticatedOrg shows which org is expired and every username whole' {
        $table = Get-AuthenticatedOrg | Show-At80
        $table | Should -Match 'org8\s+Scratch 2026-11-18 expired user8@fixture8\.example\.com'
        $table | Should -Match 'org3\s+Scratch 2099-12-31\s+user3@fixture3\.example\.com'
        $table | Should -Match 'user10@fixture10\.example\.com'
    }

    It 'Get-AuthenticatedOrg renders the same for objects deserialized from a remote session' {
        $live = Get-AuthenticatedOrg | Out-String -Width 80
        foreach ($depth in 1, 2) {
            Get-AuthenticatedOrg | Copy-Deserialized -Depth $depth | Show-At80 | Should -Be $live
        }
    }

    It 'Disconnect-Org results show every username whole, and the client app removed' {
        $table = Disconnect-Org org3, org5 -Force 3>$null | Show-At80
        $table | Should -Match 'True\s+NotRequested org3\s+user3@fixture3\.example\.com'
        $table | Should -Match 'user5@fixture5\.example\.com'
        Join-Wrapped (Disconnect-Org org2 -ClientApp my-eca -Force | Show-At80) | Should -Match 'user2@fixture2\.example\.com\(clientappmy-eca\)'
    }

    It 'Get-Auth0LogoutUrl and Disconnect-Auth0Session -NoBrowser show the whole URL' {
        $url = Get-Auth0LogoutUrl acme.eu.auth0.com 'https://app.example.com/some/long/path/after/logout?x=1' -ClientId 'abcdefghijklmnopqrstuvwxyz012345' -Federated
        Join-Wrapped ($url | Show-At80) | Should -Match ([regex]::Escape($url.Url))
        $session = Disconnect-Auth0Session acme.eu.auth0.com 'https://app.example.com/after' -ClientId 'abcdefghijklmnopqrstuvwxyz012345' -NoBrowser
        Join-Wrapped ($session | Show-At80) | Should -Match ([regex]::Escape($session.Url))
    }

    It 'Test-Auth0LogoutUrl shows the verdict, the reason and the whole hint under whole labels' {
        $test = Test-Auth0LogoutUrl 'https://app.example.com/bye/' -AllowedLogoutUrl 'https://app.example.com/bye'
        $text = $test | Show-At80
        $text | Should -Match 'Accepted\s+: False'
        Join-Wrapped $text | Should -Match ([regex]::Escape(($test.Hint -replace '\s', '')))
        Join-Wrapped $text | Should -Match ([regex]::Escape(($test.Reason -replace '\s', '')))
        Test-Auth0LogoutUrl 'https://app.example.com/bye/' -AllowedLogoutUrl 'https://app.example.com/bye' | Copy-Deserialized -Depth 1 | Show-At80 | Should -Be $text
    }

    It 'Remove-CodexToken shows every removed path whole' {
        $env:CODEX_HOME = New-CodexFixtureHome -Auth apikey -LegacyAuthToken
        try {
            $text = Remove-CodexToken -Force | Show-At80
            Join-Wrapped $text | Should -Match ([regex]::Escape((Join-Path $env:CODEX_HOME 'auth.json')))
            Join-Wrapped $text | Should -Match ([regex]::Escape((Join-Path $env:CODEX_HOME 'config.toml')))
        }
        finally { Remove-Item Env:CODEX_HOME }
    }
}
