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

    It 'returns only $false or $true with -Quiet, so it works in if' {
        $rejected = Test-Auth0LogoutUrl 'https://evil.example/' -AllowedLogoutUrl 'https://app.example.com/bye' -Quiet
        $rejected | Should -BeOfType [bool]
        $rejected | Should -BeExactly $false
        $ran = $false
        if (Test-Auth0LogoutUrl 'https://evil.example/' -AllowedLogoutUrl 'https://app.example.com/bye' -Quiet) { $ran = $true }
        $ran | Should -BeFalse
        Test-Auth0LogoutUrl 'https://app.example.com/bye' -AllowedLogoutUrl 'https://app.example.com/bye' -Quiet | Should -BeExactly $true
        $many = 'https://app.example.com/bye', 'https://evil.example/' | Test-Auth0LogoutUrl -AllowedLogoutUrl 'https://app.example.com/bye' -Quiet
        $many | Should -Be $true, $false
    }

    It 'reports an invalid returnTo as that item''s non-terminating error and checks the next one' {
        $results = 'javascript:alert(1)', 'https://app.example.com/bye' |
            Test-Auth0LogoutUrl -AllowedLogoutUrl 'https://app.example.com/bye' -ErrorAction SilentlyContinue -ErrorVariable failures
        @($results).Count | Should -Be 1
        $results.Accepted | Should -BeTrue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidReturnTo,LogoutModule.Commands.TestAuth0LogoutUrlCommand'
        $failures[0].TargetObject | Should -BeExactly 'javascript:alert(1)'
    }

    It 'hints at an already encoded returnTo, but not at a legitimately encoded query value' {
        Test-Auth0LogoutUrl 'https%3A%2F%2Fapp.example.com%2Fbye' -AllowedLogoutUrl 'https://app.example.com/bye' -ErrorAction SilentlyContinue -ErrorVariable failures |
            Should -BeNullOrEmpty
        $failures[0].Exception.Message | Should -Match 'already percent-encoded'
        $failures[0].Exception.Message | Should -Not -Match 'absolute'
        $result = Test-Auth0LogoutUrl 'https://app.example.com/bye/?next=https%3A%2F%2Fapp.example.com%2Fhome' -AllowedLogoutUrl 'https://app.example.com/bye'
        $result.Hint | Should -Match 'trailing slash'
        $result.Hint | Should -Not -Match 'encoded'
    }

    It 'words a Management API 404 for an application plainly' {
        $body = '{"statusCode":404,"error":"Not Found","message":"The client does not exist","errorCode":"inexistent_client"}'
        $server = Start-LoopbackHttpServer -Status 404 -Body $body
        try {
            $failure = { Test-Auth0LogoutUrl 'https://app.example.com/bye' -ClientId missing-cid -BaseUri "$($server.BaseUrl)/" -TimeoutSec 10 -ErrorAction Stop `
                    -ManagementToken (ConvertTo-SecureString 'mgmt-token-never-shown' -AsPlainText -Force) } |
                Should -Throw -ErrorId 'Auth0ApplicationNotFound,LogoutModule.Commands.TestAuth0LogoutUrlCommand' -PassThru
        }
        finally { Stop-LoopbackHttpServer $server }
        $failure.Exception.Message | Should -BeExactly "The Management API has no application with client id 'missing-cid' (404: Not Found: The client does not exist)."
    }
}
