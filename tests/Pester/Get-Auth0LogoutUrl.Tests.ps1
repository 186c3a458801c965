BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

Describe 'Get-Auth0LogoutUrl' {
    It 'builds every module URL of the fixture' {
        $cases = Get-Content -Raw (Join-Path $script:SharedFixtures 'auth0-logout-url-cases.json') | ConvertFrom-Json
        foreach ($case in $cases.module_urls) {
            $arguments = @{ Domain = $case.domain; ReturnTo = $case.returnTo; Federated = [bool]$case.federated }
            if ($case.client_id) { $arguments.ClientId = $case.client_id }
            $url = Get-Auth0LogoutUrl @arguments
            $url.PSObject.TypeNames[0] | Should -Be 'LogoutModule.Core.Auth0.Auth0LogoutUrl'
            $url.GetUri().AbsoluteUri | Should -BeExactly $case.url
        }
    }

    It 'binds positionally and from the pipeline by property name' {
        (Get-Auth0LogoutUrl me.auth0.com 'http://page.com' -ClientId 123 -Federated).GetUri().AbsoluteUri |
            Should -BeExactly 'https://me.auth0.com/v2/logout?client_id=123&returnTo=http%3A%2F%2Fpage.com&federated'
        $app = [pscustomobject]@{ Domain = 'acme.eu.auth0.com'; ClientId = 'CID'; ReturnTo = 'https://app.example.com/' }
        ($app | Get-Auth0LogoutUrl).GetUri().AbsoluteUri | Should -BeExactly 'https://acme.eu.auth0.com/v2/logout?client_id=CID&returnTo=https%3A%2F%2Fapp.example.com%2F'
    }

    It 'builds /oidc/logout and hides the ID token in the table' {
        $hint = ConvertTo-SecureString 'eyJ.SECRET.sig' -AsPlainText -Force
        $url = Get-Auth0LogoutUrl acme.eu.auth0.com -Oidc -ClientId CID -IdTokenHint $hint -PostLogoutRedirectUri 'https://app.example.com/' -State s1
        $url.GetUri().AbsoluteUri | Should -Match '/oidc/logout\?client_id=CID&id_token_hint=eyJ\.SECRET\.sig&post_logout_redirect_uri=https%3A%2F%2Fapp\.example\.com%2F&state=s1$'
        ($url | Format-Table | Out-String -Width 300) | Should -Not -Match 'SECRET'
        "$url" | Should -Not -Match 'SECRET'
        ($url | Format-List * | Out-String -Width 300) | Should -Not -Match 'SECRET'
        ($url | ConvertTo-Json) | Should -Not -Match 'SECRET'
    }

    It 'refuses a domain with a scheme, path, port or CRLF with InvalidAuth0Domain' {
        foreach ($domain in 'https://acme.eu.auth0.com', 'acme.eu.auth0.com/x', 'acme.eu.auth0.com:443', "acme.eu.auth0.com`r`nX: y") {
            { Get-Auth0LogoutUrl -Domain $domain -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidAuth0Domain,LogoutModule.Commands.GetAuth0LogoutUrlCommand'
        }
    }

    It 'refuses javascript:, user info and CRLF in returnTo with InvalidReturnTo' {
        foreach ($returnTo in 'javascript:alert(1)', 'https://app.example.com@evil.example/', "https://app.example.com/`r`nX: y") {
            { Get-Auth0LogoutUrl acme.eu.auth0.com $returnTo -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidReturnTo,LogoutModule.Commands.GetAuth0LogoutUrlCommand'
        }
    }

    It 'takes a loopback -BaseUri but not plain http elsewhere' {
        (Get-Auth0LogoutUrl -BaseUri 'http://127.0.0.1:8080' -ClientId CID).GetUri().AbsoluteUri | Should -BeExactly 'http://127.0.0.1:8080/v2/logout?client_id=CID'
        { Get-Auth0LogoutUrl -BaseUri 'http://acme.eu.auth0.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidBaseUri,LogoutModule.Commands.GetAuth0LogoutUrlCommand'
    }

    It 'reports an invalid returnTo as that item''s non-terminating error and builds the next item' {
        $apps = [pscustomobject]@{ ReturnTo = 'javascript:alert(1)' }, [pscustomobject]@{ ReturnTo = 'https://app.example.com/' }
        $urls = $apps | Get-Auth0LogoutUrl -Domain acme.eu.auth0.com -ErrorAction SilentlyContinue -ErrorVariable failures
        @($urls).Count | Should -Be 1
        $urls.ReturnTo | Should -BeExactly 'https://app.example.com/'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidReturnTo,LogoutModule.Commands.GetAuth0LogoutUrlCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -BeExactly 'javascript:alert(1)'
    }

    It 'says a fully encoded returnTo is already encoded rather than not absolute' {
        Get-Auth0LogoutUrl acme.eu.auth0.com 'https%3A%2F%2Fapp.example.com%2Fbye' -ErrorAction SilentlyContinue -ErrorVariable failures | Should -BeNullOrEmpty
        $failures[0].Exception.Message | Should -Match 'already percent-encoded'
        $failures[0].Exception.Message | Should -Not -Match 'absolute'
        $failures[0].TargetObject | Should -BeExactly 'https%3A%2F%2Fapp.example.com%2Fbye'
    }
}
