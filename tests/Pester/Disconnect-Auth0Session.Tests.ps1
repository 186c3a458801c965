BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

Describe 'Disconnect-Auth0Session' {
    It 'opens nothing under -WhatIf and says what it would open' {
        $output = Get-AllText { Disconnect-Auth0Session acme.eu.auth0.com 'https://app.example.com/' -ClientId CID -WhatIf -ErrorAction Stop }
        $output | Should -Match 'What if: .*https://acme\.eu\.auth0\.com/v2/logout\?client_id=CID&returnTo=https%3A%2F%2Fapp\.example\.com%2F'
    }

    It 'only emits the URL with -NoBrowser' {
        $url = Disconnect-Auth0Session acme.eu.auth0.com 'https://app.example.com/' -NoBrowser
        $url.PSObject.TypeNames[0] | Should -Be 'LogoutModule.Core.Auth0.Auth0LogoutUrl'
    }

    It 'takes the returnTo and client id of a piped Get-Auth0LogoutUrl by property name' {
        $url = Get-Auth0LogoutUrl acme.eu.auth0.com 'https://app.example.com/bye' -ClientId CID |
            Disconnect-Auth0Session acme.eu.auth0.com -NoBrowser -ErrorAction Stop
        $url.ReturnTo | Should -BeExactly 'https://app.example.com/bye'
        $url.Url | Should -BeExactly 'https://acme.eu.auth0.com/v2/logout?client_id=CID&returnTo=https%3A%2F%2Fapp.example.com%2Fbye'
    }

    It 'takes the post_logout_redirect_uri of a piped /oidc/logout URL by property name' {
        $url = Get-Auth0LogoutUrl acme.eu.auth0.com -Oidc -PostLogoutRedirectUri 'https://app.example.com/bye' -ClientId CID |
            Disconnect-Auth0Session acme.eu.auth0.com -Oidc -NoBrowser -ErrorAction Stop
        $url.PostLogoutRedirectUri | Should -BeExactly 'https://app.example.com/bye'
        $url.ReturnTo | Should -BeNullOrEmpty
    }

    It 'refuses -Wait with -NoBrowser and -Wait with a returnTo off loopback' {
        { Disconnect-Auth0Session acme.eu.auth0.com -Wait -NoBrowser -ErrorAction Stop } |
            Should -Throw -ErrorId 'WaitWithNoBrowser,LogoutModule.Commands.DisconnectAuth0SessionCommand'
        { Disconnect-Auth0Session acme.eu.auth0.com 'https://app.example.com/' -Wait -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'WaitNeedsLoopbackReturnTo,LogoutModule.Commands.DisconnectAuth0SessionCommand'
    }

    It 'never shows the ID token under -WhatIf -Verbose' {
        $hint = ConvertTo-SecureString 'eyJ.SECRET.sig' -AsPlainText -Force
        $all = Get-AllText { Disconnect-Auth0Session acme.eu.auth0.com -Oidc -IdTokenHint $hint -WhatIf -Verbose }
        $all | Should -Match 'id_token_hint=\*\*\*'
        $all | Should -Not -Match 'SECRET'
        # Made at run time: the JSON of a record holds this script's own text.
        $plain = "eyJ.$([guid]::NewGuid().ToString('N')).sig"
        $null = Disconnect-Auth0Session acme.eu.auth0.com -Oidc -IdTokenHint (ConvertTo-SecureString $plain -AsPlainText -Force) -PostLogoutRedirectUri 'javascript:alert(1)' -WhatIf -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems | Should -HaveCount 1
        ($problems | ConvertTo-Json -Depth 6 -WarningAction SilentlyContinue).Contains($plain) | Should -BeFalse
        # A plain string binds only through the user's own ConvertTo-SecureString, so no record's InvocationInfo carries the hint.
        { Disconnect-Auth0Session acme.eu.auth0.com -Oidc -IdTokenHint 'eyJ.SECRET.sig' -WhatIf -ErrorAction Stop } |
            Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,LogoutModule.Commands.DisconnectAuth0SessionCommand'
    }

    It 'reports an invalid returnTo as that item''s non-terminating error and goes on with the next' {
        $apps = [pscustomobject]@{ ReturnTo = 'javascript:alert(1)' }, [pscustomobject]@{ ReturnTo = 'https://app.example.com/' }
        $urls = $apps | Disconnect-Auth0Session -Domain acme.eu.auth0.com -NoBrowser -ErrorAction SilentlyContinue -ErrorVariable failures
        @($urls).Count | Should -Be 1
        $urls.ReturnTo | Should -BeExactly 'https://app.example.com/'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidReturnTo,LogoutModule.Commands.DisconnectAuth0SessionCommand'
        $failures[0].TargetObject | Should -BeExactly 'javascript:alert(1)'
    }
}
