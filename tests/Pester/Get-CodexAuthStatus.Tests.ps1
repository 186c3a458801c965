BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

Describe 'Get-CodexAuthStatus' {
    BeforeEach {
        # HOME in TestDrive (so ~/.codex is never the real one), no CODEX_HOME unless a test sets it.
        $script:Saved = $env:HOME, $env:CODEX_HOME
        $env:HOME = $TestDrive; $env:CODEX_HOME = $null
    }
    AfterEach {
        $env:HOME, $env:CODEX_HOME = $script:Saved
    }

    It 'loads a config codex loads: TOML 1.1 with a multi-line inline table (issue 9)' {
        $codexHome = New-CodexFixtureHome -Auth apikey
        Set-Content -LiteralPath (Join-Path $codexHome 'config.toml') -NoNewline -Value "model = `"o3`"`n[mcp_servers.local]`ncommand = `"run-server`"`nenv = {`n  API_BASE = `"http://127.0.0.1:9`",`n}`n"
        $status = Get-CodexAuthStatus -CodexHome $codexHome -ErrorAction Stop
        $status.ExitCode | Should -Be 0
        $status.Message | Should -BeExactly "API key configured - sk-sampl***BCDEF`nAuthentication is checked when you send a request."
    }

    It 'reports a CODEX_ACCESS_TOKEN that is not a JWT as codex does, over a stored API key (issue 9)' {
        $saved = $env:CODEX_ACCESS_TOKEN
        try {
            $env:CODEX_ACCESS_TOKEN = 'not-a-jwt'
            $status = Get-CodexAuthStatus -CodexHome (New-CodexFixtureHome -Auth apikey) -ErrorVariable problems -ErrorAction SilentlyContinue
        } finally { $env:CODEX_ACCESS_TOKEN = $saved }
        $status.LoggedIn | Should -BeFalse
        $status.ExitCode | Should -Be 1
        $status.Message | Should -BeExactly 'Error checking login status: failed to decode agent identity JWT: invalid agent identity JWT format'
        $status.Source | Should -Be 'environment variable CODEX_ACCESS_TOKEN'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CodexAccessTokenInvalid,*'
        "$($problems[0]) $($status | Out-String)" | Should -Not -BeLike '*not-a-jwt*'
    }

    It 'reports an API key login as codex login status does, with the key masked' {
        $status = Get-CodexAuthStatus -CodexHome (New-CodexFixtureHome -Auth apikey -LegacyAuthToken)
        $status.PSObject.TypeNames[0] | Should -Be 'LogoutModule.Core.Codex.CodexAuthStatus'
        $status.LoggedIn | Should -BeTrue
        $status.AuthMode | Should -Be 'apikey'
        $status.MaskedApiKey | Should -BeExactly 'sk-sampl***BCDEF'
        $status.Message | Should -BeExactly "API key configured - sk-sampl***BCDEF`nAuthentication is checked when you send a request."
        $status.ExitCode | Should -Be 0
        $status.Email | Should -BeNullOrEmpty
        $status.Store | Should -Be 'File'
        $status.LegacyAuthTokenPresent | Should -BeTrue
        "$status" | Should -BeExactly $status.Message
    }

    It 'reports a ChatGPT login with the email and plan from the id_token' {
        $codexHome = New-CodexFixtureHome -Auth chatgpt
        $status = Get-CodexAuthStatus $codexHome
        $status.Message | Should -BeExactly 'Logged in using ChatGPT'
        $status.ExitCode | Should -Be 0
        $status.AuthMode | Should -Be 'chatgpt'
        $status.Email | Should -Be 'fake.user@example.com'
        $status.Plan | Should -Be 'plus'
        $status.MaskedApiKey | Should -BeNullOrEmpty
        $status.LegacyAuthTokenPresent | Should -BeFalse
        $status.Source | Should -Be (Join-Path $codexHome 'auth.json')
    }

    It 'reports Not logged in with exit code 1 when nothing is stored, from CODEX_HOME and from ~/.codex' {
        $env:CODEX_HOME = New-CodexFixtureHome
        $fromVariable = Get-CodexAuthStatus -ErrorAction Stop
        $env:CODEX_HOME = $null
        $fromUserHome = Get-CodexAuthStatus -ErrorAction Stop
        foreach ($status in $fromVariable, $fromUserHome) {
            $status.LoggedIn | Should -BeFalse
            $status.Message | Should -BeExactly 'Not logged in'
            $status.ExitCode | Should -Be 1
            $status.Source | Should -BeNullOrEmpty
        }
        $fromUserHome.CodexHome | Should -Be (Join-Path $TestDrive '.codex')
    }

    It 'flags a legacy auth_token without counting it as a login' {
        $status = Get-CodexAuthStatus -CodexHome (New-CodexFixtureHome -LegacyAuthToken)
        $status.LoggedIn | Should -BeFalse
        $status.Message | Should -BeExactly 'Not logged in'
        $status.LegacyAuthTokenPresent | Should -BeTrue
    }

    It 'resolves a relative -CodexHome against the PowerShell location' {
        $codexHome = New-CodexFixtureHome -Auth apikey
        Push-Location -LiteralPath $TestDrive
        try { (Get-CodexAuthStatus -CodexHome (Join-Path . (Split-Path -Leaf $codexHome))).CodexHome | Should -Be $codexHome }
        finally { Pop-Location }
    }

    It 'reports a missing or non-directory CODEX_HOME with codex wording and a full error id' {
        $env:CODEX_HOME = Join-Path $TestDrive 'missing'
        { Get-CodexAuthStatus -ErrorAction Stop } |
            Should -Throw -ErrorId 'CodexHomeNotFound,LogoutModule.Commands.GetCodexAuthStatusCommand' `
                -ExpectedMessage "Error loading configuration: CODEX_HOME points to `"$env:CODEX_HOME`", but that path does not exist"
        $file = Join-Path (New-CodexFixtureHome -Auth apikey) 'auth.json'
        Get-CodexAuthStatus -CodexHome $file -ErrorAction SilentlyContinue -ErrorVariable problems | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'CodexHomeNotDirectory,LogoutModule.Commands.GetCodexAuthStatusCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be $file
    }

    It 'gives the status and a non-terminating CodexAuthUnreadable error for a malformed auth.json' {
        $codexHome = New-CodexFixtureHome
        Set-Content -LiteralPath (Join-Path $codexHome 'auth.json') -Value '{ not json'
        $status = Get-CodexAuthStatus -CodexHome $codexHome -ErrorAction SilentlyContinue -ErrorVariable problems
        $status.Message | Should -BeLike 'Error checking login status: *'
        $status.ExitCode | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'CodexAuthUnreadable,LogoutModule.Commands.GetCodexAuthStatusCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ReadError'
    }

    It 'binds CodexHome by property name from the pipeline, and a bad home does not stop the others' {
        $homes = (New-CodexFixtureHome -Auth apikey), (Join-Path $TestDrive 'missing'), (New-CodexFixtureHome -Auth chatgpt)
        $statuses = $homes | ForEach-Object { [pscustomobject]@{ CodexHome = $_ } } |
            Get-CodexAuthStatus -ErrorAction SilentlyContinue -ErrorVariable problems
        $statuses.AuthMode | Should -Be 'apikey', 'chatgpt'
        $problems.Count | Should -Be 1
        $problems[0].TargetObject | Should -Be $homes[1]
    }

    It 'shows a table with the masked key or the whole email in an 80-column console' {
        $table = (Get-CodexAuthStatus (New-CodexFixtureHome -Auth apikey)), (Get-CodexAuthStatus (New-CodexFixtureHome -Auth chatgpt)) |
            Format-Table | Out-String -Width 80
        $table | Should -Match 'LoggedIn +AuthMode +Store +Plan +LegacyAuthToken +Account'
        $table | Should -Match 'sk-sampl\*\*\*BCDEF'
        $table | Should -Match 'fake\.user@example\.com'
        $table | Should -Match 'plus'
    }

    It 'prints no key or token in any stream, list view or verbose text' {
        $all = foreach ($auth in 'apikey', 'chatgpt') {
            $codexHome = New-CodexFixtureHome -Auth $auth -LegacyAuthToken
            Get-CodexAuthStatus -CodexHome $codexHome -Verbose *>&1 | Out-String -Width 500
            Get-CodexAuthStatus -CodexHome $codexHome | Format-List * | Out-String -Width 500
        }
        $text = $all -join "`n"
        $text | Should -Match 'sk-sampl'
        foreach ($secret in Get-CodexFixtureSecrets) { $text.Contains($secret) | Should -BeFalse -Because 'no secret may be shown' }
    }
}
