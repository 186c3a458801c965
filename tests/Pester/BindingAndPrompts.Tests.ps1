# How objects bind to Disconnect-Org, and that every prompt a session cannot show is ConfirmationNotPossible.
# Prompting paths run in a child pwsh -NonInteractive (Invoke-NonInteractive), so the suite passes from an interactive pwsh.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

Describe 'Disconnect-Org binding by property name' {
    BeforeEach { $script:SfHome = Enter-SfFixtureHome }
    AfterEach { Exit-SfFixtureHome }

    It 'takes a CSV with an Alias column' {
        $results = "Alias`norg1`norg2" | ConvertFrom-Csv | Disconnect-Org -Force
        $results.Username | Should -Be 'user1@fixture1.example.com', 'user2@fixture2.example.com'
    }

    It 'takes objects with a Name property' {
        $results = [pscustomobject]@{ Name = 'org5' }, [pscustomobject]@{ Name = 'user6@fixture6.example.com' } | Disconnect-Org -Force
        $results.Username | Should -Be 'user5@fixture5.example.com', 'user6@fixture6.example.com'
    }

    It 'with both a Username and an Alias column, binds the Username (the unambiguous name of an org)' {
        $results = [pscustomobject]@{ Username = 'user4@fixture4.example.com'; Alias = 'org5' } | Disconnect-Org -Force
        $results.Username | Should -Be 'user4@fixture4.example.com'
        Test-Path (Join-Path $script:SfHome '.sfdx/user5@fixture5.example.com.json') | Should -BeTrue
    }

    It 'still takes Get-AuthenticatedOrg objects whole (their Alias property does not rebind them)' {
        (Get-AuthenticatedOrg -Name hub | Disconnect-Org -Force).Username | Should -Be 'user0@fixture0.example.com'
    }
}

Describe 'Prompts a session cannot show' {
    BeforeEach { $script:SfHome = Enter-SfFixtureHome }
    AfterEach { Exit-SfFixtureHome }

    It 'Disconnect-Org -Confirm is ConfirmationNotPossible, and nothing changes' {
        $before = Get-FolderState $script:SfHome
        $output = Invoke-NonInteractive 'try { Disconnect-Org org1 -Confirm -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }'
        $output | Should -Contain 'ConfirmationNotPossible,LogoutModule.Commands.DisconnectOrgCommand'
        $output | Should -Contain 'InvalidOperation'
        Get-FolderState $script:SfHome | Should -Be $before
    }

    It 'Remove-CodexToken -Confirm is ConfirmationNotPossible too' {
        $codexHome = New-CodexFixtureHome -Auth apikey
        $output = Invoke-NonInteractive "try { Remove-CodexToken -CodexHome '$codexHome' -Force -Confirm -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }"
        $output | Should -Contain 'ConfirmationNotPossible,LogoutModule.Commands.RemoveCodexTokenCommand'
        Test-Path (Join-Path $codexHome 'auth.json') | Should -BeTrue
    }

    It 'Disconnect-Org -Debug, whose "Continue?" after each message it cannot ask, is ConfirmationNotPossible before anything changes' {
        $before = Get-FolderState $script:SfHome
        $output = Invoke-NonInteractive 'try { Disconnect-Org org9 -Force -Debug -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }'
        $output | Should -Contain 'ConfirmationNotPossible,LogoutModule.Commands.DisconnectOrgCommand'
        ($output -join "`n") | Should -Match 'Leave out -Debug'
        Get-FolderState $script:SfHome | Should -Be $before
    }

    It 'Get-AuthenticatedOrg -Debug and Remove-CodexToken -Debug are ConfirmationNotPossible too, not an unexpected error' {
        Invoke-NonInteractive 'try { Get-AuthenticatedOrg -Debug -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }' |
            Should -Contain 'ConfirmationNotPossible,LogoutModule.Commands.GetAuthenticatedOrgCommand'
        $codexHome = New-CodexFixtureHome -Auth apikey
        Invoke-NonInteractive "try { Remove-CodexToken -CodexHome '$codexHome' -Force -Debug -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }" |
            Should -Contain 'ConfirmationNotPossible,LogoutModule.Commands.RemoveCodexTokenCommand'
        Test-Path (Join-Path $codexHome 'auth.json') | Should -BeTrue
    }

    It 'Remove-CodexToken with -Force logs an API-key login out without asking, as a ChatGPT one' {
        $codexHome = New-CodexFixtureHome -Auth apikey
        Invoke-NonInteractive "Remove-CodexToken -CodexHome '$codexHome' -Force | ForEach-Object Message" | Should -Contain 'Successfully logged out'
        Test-Path (Join-Path $codexHome 'auth.json') | Should -BeFalse
    }
}

Describe 'Concurrent runspaces on one sf home' {
    BeforeEach { $script:SfHome = Enter-SfFixtureHome }
    AfterEach { Exit-SfFixtureHome }

    It 'ForEach-Object -Parallel logouts warn about no auth file another runspace just removed' {
        $manifest = (Resolve-Path -LiteralPath $script:ModuleManifest).ProviderPath
        $warnings = 0..11 | ForEach-Object -ThrottleLimit 12 -TimeoutSeconds 120 -Parallel {
            Import-Module $using:manifest
            Disconnect-Org "org$_" -Force -WarningVariable seen -WarningAction SilentlyContinue | Out-Null
            $seen | Where-Object { "$_" -match 'cannot be read' } | ForEach-Object { "$_" }
        }
        $warnings | Should -BeNullOrEmpty
        Get-ChildItem -LiteralPath (Join-Path $script:SfHome '.sfdx') -Filter '*@*.json' | Should -BeNullOrEmpty
    }
}
