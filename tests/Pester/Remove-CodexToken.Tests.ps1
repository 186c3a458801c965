BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
    $script:ExpectedConfig = Join-Path $script:SharedFixtures 'codex-config-auth_token.expected.toml'
    # A closed loopback port: a revocation is tried and refused, and nothing leaves the machine.
    $script:RevokeUrl = 'http://127.0.0.1:9/oauth/revoke'
}

Describe 'Remove-CodexToken' {
    BeforeEach {
        $script:Saved = $env:HOME, $env:CODEX_HOME, $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE
        $env:HOME = $TestDrive; $env:CODEX_HOME = $null; $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE = $script:RevokeUrl
    }
    AfterEach {
        $env:HOME, $env:CODEX_HOME, $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE = $script:Saved
    }

    It 'with -WhatIf changes no byte and lists the file and the auth_token key of an API key login' {
        $codexHome = New-CodexFixtureHome -Auth apikey -LegacyAuthToken
        $before = Get-FolderState $codexHome
        $text = Invoke-Transcribed { Remove-CodexToken -CodexHome $codexHome -WhatIf }
        Get-FolderState $codexHome | Should -BeExactly $before
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Remove the codex credentials file`" on target `"$(Join-Path $codexHome 'auth.json')`"."))
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Remove the top-level auth_token key`" on target `"$(Join-Path $codexHome 'config.toml')`"."))
        $text | Should -Not -Match 'Revoke'
    }

    It 'with -WhatIf lists the revocation of a ChatGPT login too, sends nothing and never prompts, even with -Force' {
        $codexHome = New-CodexFixtureHome -Auth chatgpt -LegacyAuthToken
        $before = Get-FolderState $codexHome
        $text = Invoke-Transcribed { $script:output = Remove-CodexToken -CodexHome $codexHome -WhatIf -Force }
        Get-FolderState $codexHome | Should -BeExactly $before
        $script:output | Should -BeNullOrEmpty
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Revoke the ChatGPT refresh token`" on target `"$script:RevokeUrl`"."))
        ([regex]::Matches($text, 'What if: ')).Count | Should -Be 3
    }

    It 'logs an API key login out and removes auth_token, leaving config.toml equal to the expected fixture' {
        $codexHome = New-CodexFixtureHome -Auth apikey -LegacyAuthToken
        $result = Remove-CodexToken -CodexHome $codexHome -Confirm:$false
        $result.PSObject.TypeNames[0] | Should -Be 'LogoutModule.Core.Codex.CodexLogoutResult'
        $result.Message | Should -BeExactly 'Successfully logged out'
        $result.ExitCode | Should -Be 0
        $result.AuthFileRemoved | Should -BeTrue
        $result.LegacyAuthTokenRemoved | Should -BeTrue
        $result.KeyringEntryRemoved | Should -BeFalse
        $result.TokenRevoked | Should -BeFalse
        $result.Revocation | Should -BeExactly 'Nothing to revoke: not a ChatGPT login.'
        $result.Removed | Should -Be "file $(Join-Path $codexHome 'auth.json')", "auth_token key in $(Join-Path $codexHome 'config.toml')"
        $result.Remaining | Should -BeNullOrEmpty
        "$result" | Should -BeExactly 'Successfully logged out'
        Test-Path -LiteralPath (Join-Path $codexHome 'auth.json') | Should -BeFalse
        [IO.File]::ReadAllBytes((Join-Path $codexHome 'config.toml')) | Should -Be ([IO.File]::ReadAllBytes($script:ExpectedConfig))
        (Get-CodexAuthStatus -CodexHome $codexHome).LegacyAuthTokenPresent | Should -BeFalse
    }

    It 'logs out under a TOML 1.1 config codex loads, keeping its bytes, and names a CODEX_ACCESS_TOKEN it cannot unset (issue 9)' {
        $codexHome = New-CodexFixtureHome -Auth apikey
        $config = Join-Path $codexHome 'config.toml'
        $text = "model = `"o3`"`nenv = {`n  API_BASE = `"http://127.0.0.1:9`",`n}`n"
        Set-Content -LiteralPath $config -NoNewline -Value ("auth_token = `"legacy-token-from-design-doc`"`n" + $text)
        $saved = $env:CODEX_ACCESS_TOKEN
        try {
            $env:CODEX_ACCESS_TOKEN = 'at-pester-example'
            $result = Remove-CodexToken -CodexHome $codexHome -Force -ErrorAction Stop -WarningVariable warnings -WarningAction SilentlyContinue
        } finally { $env:CODEX_ACCESS_TOKEN = $saved }
        $result.Message | Should -BeExactly 'Successfully logged out'
        $result.LegacyAuthTokenRemoved | Should -BeTrue
        Get-Content -Raw -LiteralPath $config | Should -BeExactly $text
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike '*environment variable CODEX_ACCESS_TOKEN is set*Remove-Item Env:CODEX_ACCESS_TOKEN*'
        "$($warnings[0])" | Should -Not -BeLike '*at-pester-example*'
    }

    It 'says Not logged in, exit code 0, when nothing is stored' {
        $result = Remove-CodexToken -CodexHome (New-CodexFixtureHome) -Confirm:$false
        $result.Message | Should -BeExactly 'Not logged in'
        $result.ExitCode | Should -Be 0
        $result.Removed | Should -BeNullOrEmpty
    }

    It 'with -Force never prompts, tries the revocation and removes the ChatGPT login when it is refused' {
        $codexHome = New-CodexFixtureHome -Auth chatgpt
        $result = Remove-CodexToken -CodexHome $codexHome -Confirm:$false -Force -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Message | Should -BeExactly 'Successfully logged out'
        $result.TokenRevoked | Should -BeFalse
        $result.Revocation | Should -BeLike 'Revocation failed (best-effort, as in codex): POST http://127.0.0.1:9/oauth/revoke failed:*'
        $warnings.Count | Should -Be 1
        Test-Path -LiteralPath (Join-Path $codexHome 'auth.json') | Should -BeFalse
    }

    It 'with -SkipRevoke never prompts and revokes nothing' {
        $codexHome = New-CodexFixtureHome -Auth chatgpt
        $result = Remove-CodexToken -CodexHome $codexHome -Confirm:$false -SkipRevoke -WarningVariable warnings
        $result.Revocation | Should -BeExactly 'Skipped (-SkipRevoke).'
        $warnings | Should -BeNullOrEmpty
        Test-Path -LiteralPath (Join-Path $codexHome 'auth.json') | Should -BeFalse
    }

    It 'in a session that cannot prompt, stops before changing anything and says how to go ahead, whatever the login type' -ForEach @(
        @{ Auth = 'chatgpt' }, @{ Auth = 'apikey' }
    ) {
        $codexHome = New-CodexFixtureHome -Auth $Auth -LegacyAuthToken
        $before = Get-FolderState $codexHome
        $output = Invoke-NonInteractive "try { Remove-CodexToken -CodexHome '$codexHome' -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
        $output | Should -Contain 'ConfirmationNotPossible,LogoutModule.Commands.RemoveCodexTokenCommand'
        $output -join ' ' | Should -BeLike '*-Force*'
        Get-FolderState $codexHome | Should -BeExactly $before
    }

    It 'reports a bad CODEX_HOME with codex wording and a full error id, and -ErrorAction SilentlyContinue silences it' {
        $env:CODEX_HOME = Join-Path $TestDrive 'missing'
        { Remove-CodexToken -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'CodexHomeNotFound,LogoutModule.Commands.RemoveCodexTokenCommand' `
                -ExpectedMessage "Error loading configuration: CODEX_HOME points to `"$env:CODEX_HOME`", but that path does not exist"
        Remove-CodexToken -Force -ErrorAction SilentlyContinue -ErrorVariable problems | Should -BeNullOrEmpty
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be $env:CODEX_HOME
        $file = Join-Path (New-CodexFixtureHome -Auth apikey) 'auth.json'
        { Remove-CodexToken -CodexHome $file -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'CodexHomeNotDirectory,LogoutModule.Commands.RemoveCodexTokenCommand'
        Test-Path -LiteralPath $file | Should -BeTrue
    }

    It 'reports what could not be removed as a non-terminating error and in the result' {
        $codexHome = New-CodexFixtureHome
        New-Item -ItemType Directory -Path (Join-Path $codexHome 'auth.json') | Out-Null
        $result = Remove-CodexToken -CodexHome $codexHome -Force -ErrorAction SilentlyContinue -ErrorVariable problems
        $result.Message | Should -BeExactly 'Error logging out: Is a directory (os error 21)'
        $result.ExitCode | Should -Be 1
        $result.Remaining | Should -Be "file $(Join-Path $codexHome 'auth.json')"
        $problems[0].FullyQualifiedErrorId | Should -Be 'CodexAuthFileNotRemoved,LogoutModule.Commands.RemoveCodexTokenCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'WriteError'
    }

    It 'logs out every home piped by property name, also straight from Get-CodexAuthStatus' {
        $homes = (New-CodexFixtureHome -Auth apikey), (New-CodexFixtureHome -Auth chatgpt -LegacyAuthToken)
        $results = $homes | ForEach-Object { [pscustomobject]@{ CodexHome = $_ } } | Remove-CodexToken -SkipRevoke -Confirm:$false
        $results.Message | Should -Be 'Successfully logged out', 'Successfully logged out'
        $results.CodexHome | Should -Be $homes
        $other = New-CodexFixtureHome -Auth apikey
        (Get-CodexAuthStatus -CodexHome $other | Remove-CodexToken -Confirm:$false).AuthFileRemoved | Should -BeTrue
    }

    It 'shows a list with the message, the revocation flag and what was removed' {
        $codexHome = New-CodexFixtureHome -Auth apikey -LegacyAuthToken
        $list = Remove-CodexToken -CodexHome $codexHome -Confirm:$false | Out-String -Width 250
        $list | Should -Match 'Message +: Successfully logged out'
        $list | Should -Match 'TokenRevoked +: False'
        $list | Should -Match 'Removed +: file .*auth_token key in '
    }

    It 'prints no key or token in any stream, including -Verbose, warnings and the list view' {
        $all = foreach ($auth in 'apikey', 'chatgpt') {
            Remove-CodexToken -CodexHome (New-CodexFixtureHome -Auth $auth -LegacyAuthToken) -Force -Confirm:$false -Verbose *>&1 |
                Format-List * | Out-String -Width 500
            Invoke-Transcribed { Remove-CodexToken -CodexHome (New-CodexFixtureHome -Auth $auth -LegacyAuthToken) -WhatIf }
        }
        $text = $all -join "`n"
        $text | Should -Match 'Successfully logged out'
        $text | Should -Match 'VERBOSE|Performing the operation'
        foreach ($secret in Get-CodexFixtureSecrets) { $text.Contains($secret) | Should -BeFalse -Because 'no secret may be shown' }
    }
}
