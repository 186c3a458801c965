BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
    $script:Token = ConvertTo-SecureString 'v1.pester-REFRESH-token-77aa' -AsPlainText -Force
    $script:Secret = ConvertTo-SecureString 'pester-CLIENT-secret-88bb' -AsPlainText -Force
}

Describe 'Revoke-Auth0RefreshToken' {
    It 'sends nothing under -WhatIf and names neither token nor secret' {
        # Port 9 answers nothing, so -ErrorAction Stop would throw had anything been sent.
        $all = Get-AllText { $script:Token | Revoke-Auth0RefreshToken -BaseUri 'http://127.0.0.1:9/' -ClientId CID -ClientSecret $script:Secret -WhatIf -Verbose -ErrorAction Stop }
        $all | Should -Match "What if: .*Revoke.*client 'CID'"
        $all | Should -Not -Match 'pester-REFRESH'
        $all | Should -Not -Match 'pester-CLIENT'
    }

    It 'takes the token as a SecureString only, so no record''s InvocationInfo carries it' {
        { Revoke-Auth0RefreshToken -BaseUri 'http://127.0.0.1:9/' -ClientId CID -RefreshToken 'v1.pester-REFRESH-plain' -WhatIf -ErrorAction Stop } |
            Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,LogoutModule.Commands.RevokeAuth0RefreshTokenCommand'
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $listener.Start()
        $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $records = Revoke-Auth0RefreshToken -BaseUri "http://127.0.0.1:$port/" -ClientId CID -RefreshToken $script:Token -TimeoutSec 5 -Confirm:$false -Verbose -ErrorAction SilentlyContinue -ErrorVariable problems 4>&1
        $records | Should -Not -BeNullOrEmpty
        $problems | Should -HaveCount 1
        (@($records) + @($problems) | ConvertTo-Json -Depth 6 -WarningAction SilentlyContinue) | Should -Not -Match 'pester-REFRESH'
        $records[0].InvocationInfo.BoundParameters['RefreshToken'] | Should -BeOfType [securestring]
    }

    It 'revokes at a real OAuth server, from the pipeline, with a PSCredential, and prints no secret even with -Verbose' {
        $server = Start-OAuth2MockServer
        if (-not $server) { Set-ItResult -Skipped -Because 'oauth2-mock-server is not installed (.ci/install-peers.sh)'; return }
        try {
            $credential = [pscredential]::new('CID', $script:Secret)
            $all = [pscustomobject]@{ refresh_token = $script:Token } |
                Revoke-Auth0RefreshToken -BaseUri $server.BaseUri -Credential $credential -Confirm:$false -Verbose *>&1
            $revocation = $all | Where-Object { $_ -is [LogoutModule.Core.Auth0.Auth0TokenRevocation] }
            $revocation.StatusCode | Should -Be 200
            $revocation.ClientId | Should -Be 'CID'
            $text = ($all | Out-String) + ($revocation | Format-List * | Out-String) + ($revocation | Format-Table | Out-String)
            $text | Should -Not -Match 'pester-REFRESH'
            $text | Should -Not -Match 'pester-CLIENT'
        }
        finally { Stop-OAuth2MockServer $server }
    }

    It 'reports an unreachable server as a non-terminating Auth0Unreachable error' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $listener.Start()
        $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $result = Revoke-Auth0RefreshToken -BaseUri "http://127.0.0.1:$port/" -ClientId CID -RefreshToken $script:Token -TimeoutSec 5 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable problems
        $result | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'Auth0Unreachable,LogoutModule.Commands.RevokeAuth0RefreshTokenCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        ($problems | Out-String) | Should -Not -Match 'pester-REFRESH'
    }
}
