BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

Describe 'Test-Auth0LogoutUrl' {
    It 'decides every fixture case as documented' {
        $fixture = Get-Content -Raw (Join-Path $script:SharedFixtures 'auth0-allowed-logout-url-cases.json') | ConvertFrom-Json
        foreach ($case in $fixture.cases) {
            $result = Test-Auth0LogoutUrl $case.returnTo -AllowedLogoutUrl $fixture.allowed_logout_urls -Oidc:($case.endpoint -eq 'oidc')
            $result.Accepted | Should -Be $case.match -Because "$($case.returnTo): $($case.why)"
        }
    }

    It 'takes returnTo values from the pipeline and hints at a trailing slash' {
        $results = 'https://app.example.com/logged-out', 'https://app.example.com/logged-out/' |
            Test-Auth0LogoutUrl -AllowedLogoutUrl 'https://app.example.com/logged-out'
        $results.Accepted | Should -Be $true, $false
        $results[1].Hint | Should -Match 'trailing slash'
        ($results | Format-Table | Out-String -Width 300) | Should -Match 'MatchedEntry'
    }

    It 'warns about invalid entries' {
        Test-Auth0LogoutUrl 'https://a.example.com' -AllowedLogoutUrl '*.example.com' -WarningVariable warnings -WarningAction SilentlyContinue |
            Select-Object -ExpandProperty Accepted | Should -BeFalse
        $warnings[0] | Should -Match 'scheme'
    }

    It 'probes a real OIDC server without following its redirect' {
        $server = Start-OAuth2MockServer
        if (-not $server) { Set-ItResult -Skipped -Because 'oauth2-mock-server is not installed (.ci/install-peers.sh)'; return }
        try {
            $result = Test-Auth0LogoutUrl 'http://127.0.0.1:9/bye' -BaseUri $server.BaseUri -Oidc -Probe -ClientId CID
            $result.Accepted | Should -BeTrue
            $result.StatusCode | Should -Be 302
            $result.Location | Should -Be 'http://127.0.0.1:9/bye'
        }
        finally { Stop-OAuth2MockServer $server }
    }

    It 'reports a server that is not there as Auth0Unreachable' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $listener.Start()
        $port = $listener.LocalEndpoint.Port; $listener.Stop()
        { Test-Auth0LogoutUrl 'http://127.0.0.1:9/bye' -BaseUri "http://127.0.0.1:$port/" -Probe -TimeoutSec 5 -ErrorAction Stop } |
            Should -Throw -ErrorId 'Auth0Unreachable,LogoutModule.Commands.TestAuth0LogoutUrlCommand'
    }
}
