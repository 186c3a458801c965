BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

Describe 'Disconnect-Org' {
    BeforeEach {
        $script:SfHome = Enter-SfFixtureHome
        $script:Sfdx = Join-Path $script:SfHome '.sfdx'
    }
    AfterEach { Exit-SfFixtureHome }

    It '-WhatIf prints what would change per org and changes no byte' {
        $before = Get-FolderState $script:SfHome
        # The "What if:" lines go to the host (the xUnit suite asserts their text); here: no object and no change.
        Disconnect-Org -TargetOrg hub, org1 -WhatIf | Should -BeNullOrEmpty
        Disconnect-Org -All -WhatIf | Should -BeNullOrEmpty
        Get-FolderState $script:SfHome | Should -Be $before
    }

    It 'neither lists nor deletes a copy whose name ends in a newline, as sf ignores it' {
        $copy = Join-Path $script:Sfdx "user2@fixture2.example.com.json`n"
        Copy-Item -LiteralPath (Join-Path $script:Sfdx 'user2@fixture2.example.com.json') -Destination $copy
        (Get-AuthenticatedOrg).AuthFile | Should -Not -Contain $copy
        $null = Disconnect-Org -All -Force
        Test-Path -LiteralPath $copy | Should -BeTrue
    }

    It '-Force logs out by alias and returns one result object' {
        $result = Disconnect-Org org1 -Force
        $result.PSObject.TypeNames[0] | Should -Be 'LogoutModule.Core.Salesforce.OrgLogoutResult'
        $result.Username | Should -Be 'user1@fixture1.example.com'
        $result.AliasesRemoved | Should -Be 'org1'
        $result.ConfigKeysUnset.Key | Should -Be 'target-org'
        Join-Path $script:Sfdx 'user1@fixture1.example.com.json' | Should -Not -Exist
        Get-Content -Raw (Join-Path $script:SfHome '.sf/config.json') | Should -Not -Match 'org1'
    }

    It 'asks for confirmation by default, so a non-interactive session fails before changing anything' {
        $before = Get-FolderState $script:SfHome
        Invoke-NonInteractive 'try { Disconnect-Org org1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }' |
            Should -Contain 'ConfirmationNotPossible,LogoutModule.Commands.DisconnectOrgCommand'
        Get-FolderState $script:SfHome | Should -Be $before
    }

    It '-Confirm:$false alone never prompts' {
        (Disconnect-Org org1 -Confirm:$false).Username | Should -Be 'user1@fixture1.example.com'
        Test-Path (Join-Path $script:SfHome '.sfdx/user1@fixture1.example.com.json') | Should -BeFalse
    }

    It '-Confirm:$false -Force never prompts' {
        (Disconnect-Org org5 -Confirm:$false -Force).Username | Should -Be 'user5@fixture5.example.com'
    }

    It 'takes org objects and names from the pipeline, in one batch' {
        $results = Get-AuthenticatedOrg -Name org5, org7 | Disconnect-Org -Force
        $results.Username | Should -Be 'user5@fixture5.example.com', 'user7@fixture7.example.com'
        ('org9' | Disconnect-Org -Force).AliasesRemoved | Sort-Object | Should -Be 'extra9', 'org9'
        [pscustomobject]@{ Username = 'org10' } | Disconnect-Org -Force | Out-Null
        Join-Path $script:Sfdx 'user10@fixture10.example.com.json' | Should -Not -Exist
    }

    It 'reports an unknown org as a non-terminating error and logs out of the others' {
        $result = Disconnect-Org nope, org1 -Force -ErrorAction SilentlyContinue -ErrorVariable problems
        $result.Username | Should -Be 'user1@fixture1.example.com'
        $problems[0].FullyQualifiedErrorId | Should -Be 'OrgNotFound,LogoutModule.Commands.DisconnectOrgCommand'
        $problems[0].TargetObject | Should -Be 'nope'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It '-ErrorAction Stop on a per-org error stops with that error''s own id, not a generic one' {
        { Disconnect-Org nope -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'OrgNotFound,LogoutModule.Commands.DisconnectOrgCommand'
    }

    It 'a copied auth file that still names another username is left in place, like sf' {
        $copy = Join-Path $script:Sfdx 'copy@fixture0.example.com.json'
        Copy-Item (Join-Path $script:Sfdx 'user0@fixture0.example.com.json') $copy
        $results = Disconnect-Org -All -Force -WarningVariable warnings 3>$null
        $results.Count | Should -Be 12
        $copy | Should -Exist
        $warnings -join "`n" | Should -Match 'left in place'
    }

    It '-Revoke with a key.json whose key fits no sf version still logs out, reporting the token as not revoked' {
        $keyFile = Join-Path $script:Sfdx 'key.json'
        Set-Content -LiteralPath $keyFile -NoNewline -Value ('{"account":"local","key":"' + ('k' * 31) + '","service":"sfdx"}')
        $result = Disconnect-Org org1 -Force -Revoke -WarningVariable warnings 3>$null
        $result.Revocation | Should -Be 'NotRevoked'
        $result.AuthFileRemoved | Should -BeTrue
        $warnings -join "`n" | Should -Not -Match ('k' * 31)
    }

    It 'without a target and without a default fails in a non-interactive session' {
        Set-Content -LiteralPath (Join-Path $script:SfHome '.sf/config.json') -Value '{}' -NoNewline
        Set-Content -LiteralPath (Join-Path $script:Sfdx 'sfdx-config.json') -Value '{}' -NoNewline
        Invoke-NonInteractive 'try { Disconnect-Org -Force -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }' |
            Should -Contain 'NoOrgSpecified,LogoutModule.Commands.DisconnectOrgCommand'
    }

    It 'without a target and without a default, the host prompt accepts aliases, unique starts and numbers, and asks again for a word that names no org or several' {
        Set-Content -LiteralPath (Join-Path $script:SfHome '.sf/config.json') -Value '{}' -NoNewline
        Set-Content -LiteralPath (Join-Path $script:Sfdx 'sfdx-config.json') -Value '{}' -NoNewline
        # A child pwsh whose console input is redirected (the host prompt, not the arrow-key list) reads these lines in turn.
        $manifest = (Resolve-Path -LiteralPath $script:ModuleManifest).ProviderPath -replace "'", "''"
        $script = "Import-Module '$manifest'; Disconnect-Org -Force | ForEach-Object { 'RESULT ' + `$_.Username }"
        $saved = $env:XDG_CACHE_HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME
        $env:XDG_CACHE_HOME = $env:XDG_DATA_HOME = $env:XDG_CONFIG_HOME = Join-Path $TestDrive 'child-pwsh-xdg'
        try { $text = 'nosuchorg', 'user', 'org5 HU' | & $script:Pwsh -NoProfile -Command $script *>&1 | ForEach-Object { "$_" } }
        finally { $env:XDG_CACHE_HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME = $saved }
        $all = $text -join "`n"
        $all | Should -Match "'nosuchorg' is not a number from 1 to 12"
        $all | Should -Match "'user' starts 12 names"
        @($text | Where-Object { $_ -like 'RESULT *' }) | Should -Be @('RESULT user0@fixture0.example.com', 'RESULT user5@fixture5.example.com')
        Join-Path $script:Sfdx 'user5@fixture5.example.com.json' | Should -Not -Exist
        Join-Path $script:Sfdx 'user1@fixture1.example.com.json' | Should -Exist
    }

    It '-All warns about scratch orgs and logs out of everything' {
        $results = Disconnect-Org -All -Force -WarningVariable warnings 3>$null
        $results.Count | Should -Be 12
        $warnings -join "`n" | Should -Match 'scratch org'
        Get-Content -Raw (Join-Path $script:Sfdx 'alias.json') | Should -Be '{"orgs":{}}'
        Join-Path $script:Sfdx 'key.json' | Should -Exist
    }

    It '-ClientApp removes only the client app, by alias' {
        $result = Disconnect-Org -TargetOrg org2 -ClientApp my-eca -Force
        $result.ClientAppRemoved | Should -Be 'my-eca'
        Get-Content -Raw (Join-Path $script:Sfdx 'user2@fixture2.example.com.json') | Should -Not -Match 'clientApps'
        { Disconnect-Org -TargetOrg org1 -ClientApp my-eca -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'NoLinkedApps,LogoutModule.Commands.DisconnectOrgCommand'
    }

    It 'shows a table and | Out-Null discards the result' {
        Disconnect-Org org3 -Force 3>$null | Out-Null
        $table = Disconnect-Org org4 -Force | Format-Table | Out-String -Width 250
        $table | Should -Match 'FileRemoved +Revocation +Aliases'
        $table | Should -Match 'user4@fixture4.example.com'
    }

    It '-Revoke: an ftp instance URL is a non-terminating RevokeFailed for that org only; the others are logged out' {
        $server = Start-LoopbackHttpServer -Status 200
        try {
            Set-SfInstanceUrl $script:SfHome $server.BaseUrl
            Set-SfInstanceUrl $script:SfHome 'ftp://fixture1.example.com' -Username 'user1@fixture1.example.com'
            $results = Disconnect-Org -All -Revoke -Force -ErrorVariable failures -ErrorAction SilentlyContinue 3>$null
            $? | Should -BeFalse
            $results.Count | Should -Be 11
            $results.Revocation | Sort-Object -Unique | Should -Be 'Revoked'
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'RevokeFailed,LogoutModule.Commands.DisconnectOrgCommand'
            $failures[0].TargetObject | Should -Be 'user1@fixture1.example.com'
            $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            Join-Path $script:Sfdx 'user1@fixture1.example.com.json' | Should -Exist
        } finally { Stop-LoopbackHttpServer $server }
    }

    It '-Revoke against a server that does not answer logs nothing out and reports each org (DNS down is the same)' {
        $silent = Start-SilentServer
        try {
            Set-SfInstanceUrl $script:SfHome "http://127.0.0.1:$($silent.LocalEndpoint.Port)"
            $before = Get-FolderState $script:SfHome
            $results = Disconnect-Org org1, org2 -Revoke -Force -TimeoutSec 1 -ErrorVariable failures -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'RevokeFailed,LogoutModule.Commands.DisconnectOrgCommand'
            $failures.Count | Should -Be 2
            Get-FolderState $script:SfHome | Should -Be $before
        } finally { $silent.Stop() }
    }

    It '-WhatIf with -Revoke names the revocation and contacts no server' {
        $server = Start-LoopbackHttpServer -Status 200
        try {
            Set-SfInstanceUrl $script:SfHome $server.BaseUrl -Username 'user1@fixture1.example.com'
            $text = Invoke-Transcribed { Disconnect-Org org1 -Revoke -WhatIf }
            $text | Should -Match ([regex]::Escape("revoke its token at $($server.BaseUrl)/services/oauth2/revoke"))
            Join-Path $script:Sfdx 'user1@fixture1.example.com.json' | Should -Exist
        } finally { Stop-LoopbackHttpServer $server }
    }

    It 'Ctrl+C (StopProcessing) during -Revoke returns within a second and changes nothing' {
        $silent = Start-SilentServer
        try {
            Set-SfInstanceUrl $script:SfHome "http://127.0.0.1:$($silent.LocalEndpoint.Port)"
            $before = Get-FolderState $script:SfHome
            $result = Measure-CtrlC -Started { $silent.Pending() } -Script ([scriptblock]::Create(
                "`$env:HOME = '$($script:SfHome)'; Disconnect-Org org1, org2, org3 -Revoke -Force"))
            $result.Reached | Should -BeTrue
            $result.StopSeconds | Should -BeLessThan 1
            $result.State | Should -Be 'Stopped'
            Get-FolderState $script:SfHome | Should -Be $before
        } finally { $silent.Stop() }
    }

    It 'prints no token, password or secret in any stream' {
        $all = Disconnect-Org -All -Force -Verbose 4>&1 3>&1 | Out-String -Width 500
        $all | Should -Not -Match '5Aep861'
        $all | Should -Not -Match '!AQ0AQ'
        $all | Should -Not -Match 'Fixture!Pw'
    }
}
