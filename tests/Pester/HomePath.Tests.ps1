BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
    $script:Sweep = Join-Path $PSScriptRoot '../../samples/Invoke-LogoutSweep.ps1'

    function New-HomesRoot {
        # A /home-like folder: alice and bob with the 12-org fixture (bob also logged into codex), carol with nothing.
        $root = Join-Path $TestDrive ("homes-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $root | Out-Null
        foreach ($user in 'alice', 'bob') { Move-Item -LiteralPath (New-SfFixtureHome) -Destination (Join-Path $root $user) }
        Move-Item -LiteralPath (New-CodexFixtureHome -Auth apikey) -Destination (Join-Path $root 'bob/.codex')
        New-Item -ItemType Directory -Path (Join-Path $root 'carol') | Out-Null
        $root
    }
}

Describe '-HomePath' {
    BeforeEach {
        # The session's own home is an empty folder: everything listed comes from -HomePath.
        $script:Saved = $env:HOME, $env:USERPROFILE, $env:SF_USE_GENERIC_UNIX_KEYCHAIN, $env:CODEX_HOME, $env:SFDX_SECRET_TOOL_PATH
        $script:OwnHome = Join-Path $TestDrive ("own-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $script:OwnHome | Out-Null
        $env:HOME = $script:OwnHome; $env:USERPROFILE = $script:OwnHome; $env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'; $env:CODEX_HOME = $null
        $script:Root = New-HomesRoot
        Push-Location -LiteralPath $TestDrive
    }
    AfterEach {
        Pop-Location
        $env:HOME, $env:USERPROFILE, $env:SF_USE_GENERIC_UNIX_KEYCHAIN, $env:CODEX_HOME, $env:SFDX_SECRET_TOOL_PATH = $script:Saved
    }

    It 'lists the orgs of every home piped from Get-ChildItem in one call, each saying its home' {
        $orgs = Get-ChildItem -LiteralPath $script:Root -Directory | Get-AuthenticatedOrg -ErrorAction Stop
        $orgs.Count | Should -Be 24
        ($orgs | Group-Object HomePath | Sort-Object Name).Name | Should -Be (Join-Path $script:Root 'alice'), (Join-Path $script:Root 'bob')
        ($orgs | Where-Object HomePath -EQ (Join-Path $script:Root 'bob')).AuthFile | Should -BeLike (Join-Path $script:Root 'bob/.sfdx/*')
        Get-AuthenticatedOrg | Should -BeNullOrEmpty
    }

    It 'uses that home''s global config and the project config of the current location' {
        $bob = Join-Path $script:Root 'bob'
        (Get-AuthenticatedOrg -HomePath $bob | Where-Object IsDefault).Username | Should -Be 'user1@fixture1.example.com'
        Set-Location -LiteralPath (Join-Path $script:Root 'alice/project')
        (Get-AuthenticatedOrg -HomePath $bob | Where-Object IsDefault).Username | Should -Be 'user2@fixture2.example.com'
        (Get-AuthenticatedOrg -HomePath ../../bob -Name org1).HomePath | Should -Be $bob
    }

    It 'logs one home out with -All -Force and leaves the others byte for byte' {
        $alice = Get-FolderState (Join-Path $script:Root 'alice')
        $results = Disconnect-Org -HomePath (Join-Path $script:Root 'bob') -All -Force
        $results.Count | Should -Be 12
        $results.HomePath | Select-Object -Unique | Should -Be (Join-Path $script:Root 'bob')
        Get-AuthenticatedOrg -HomePath (Join-Path $script:Root 'bob') | Should -BeNullOrEmpty
        Get-FolderState (Join-Path $script:Root 'alice') | Should -Be $alice
    }

    It 'keeps the owner, group and mode of every file it rewrites in another user''s home' -Skip:($IsWindows -or (id -u) -ne '0') {
        # Run as root on a home owned by another account, as an offboarding admin does.
        $bob = Join-Path $script:Root 'bob'
        chown -R 4242:4343 $bob; chmod 640 (Join-Path $bob '.sfdx/alias.json'); chmod 604 (Join-Path $bob '.sf/config.json')
        $rewritten = '.sfdx/alias.json', '.sf/config.json', '.sfdx/sfdx-config.json' | ForEach-Object { Join-Path $bob $_ }
        $before = $rewritten | ForEach-Object { stat -c '%u:%g:%a' $_ }
        $hashes = $rewritten | ForEach-Object { (Get-FileHash -LiteralPath $_).Hash }

        (Disconnect-Org -HomePath $bob -All -Force).Count | Should -Be 12

        $rewritten | ForEach-Object { (Get-FileHash -LiteralPath $_).Hash } | Should -Not -Be $hashes
        $rewritten | ForEach-Object { stat -c '%u:%g:%a' $_ } | Should -Be $before
        $before | Should -Be '4242:4343:640', '4242:4343:604', '4242:4343:644'
    }

    It 'logs org objects from several homes out, each in the home it came from' {
        $picked = Get-ChildItem -LiteralPath $script:Root -Directory | Get-AuthenticatedOrg | Where-Object { $_.Aliases -contains 'org1' }
        $picked.Count | Should -Be 2
        $results = $picked | Disconnect-Org -Force
        $results.HomePath | Should -Be (Join-Path $script:Root 'alice'), (Join-Path $script:Root 'bob')
        Join-Path $script:Root 'alice/.sfdx/user1@fixture1.example.com.json' | Should -Not -Exist
        Join-Path $script:Root 'bob/.sfdx/user1@fixture1.example.com.json' | Should -Not -Exist
        (Get-ChildItem -LiteralPath $script:Root -Directory | Get-AuthenticatedOrg).Count | Should -Be 22
    }

    It 'warns once per home when the key is in another user''s Secret Service, and still logs out' -Skip:$IsWindows {
        $env:SF_USE_GENERIC_UNIX_KEYCHAIN = $null; $env:SFDX_SECRET_TOOL_PATH = (Get-Command true).Source
        $orgs = Get-ChildItem -LiteralPath $script:Root -Directory | Get-AuthenticatedOrg -WarningVariable warnings 3>$null
        $orgs.Count | Should -Be 24
        $orgs | Where-Object Error | Should -BeNullOrEmpty
        $reach = @($warnings | Where-Object { "$_" -match 'cannot reach' })
        $reach.Count | Should -Be 2
        "$($reach[0])" | Should -Match ([regex]::Escape((Join-Path $script:Root 'alice')))
        (Disconnect-Org -HomePath (Join-Path $script:Root 'alice') -All -Force 3>$null).Count | Should -Be 12
    }

    It 'points the codex cmdlets at the home''s .codex folder, unless -CodexHome is given' {
        $statuses = Get-ChildItem -LiteralPath $script:Root -Directory | Get-CodexAuthStatus
        $statuses.CodexHome | Should -Be (Join-Path $script:Root 'alice/.codex'), (Join-Path $script:Root 'bob/.codex'), (Join-Path $script:Root 'carol/.codex')
        $statuses.LoggedIn | Should -Be $false, $true, $false
        (Get-CodexAuthStatus -HomePath (Join-Path $script:Root 'alice') -CodexHome (Join-Path $script:Root 'bob/.codex')).LoggedIn | Should -BeTrue

        Remove-CodexToken -HomePath (Join-Path $script:Root 'bob') -WhatIf | Should -BeNullOrEmpty
        Join-Path $script:Root 'bob/.codex/auth.json' | Should -Exist
        (Remove-CodexToken -HomePath (Join-Path $script:Root 'bob') -Force -SkipRevoke).AuthFileRemoved | Should -BeTrue
        Join-Path $script:Root 'bob/.codex/auth.json' | Should -Not -Exist
    }
}

Describe 'The offboarding sweep (samples/Invoke-LogoutSweep.ps1)' {
    BeforeEach {
        $script:Saved = $env:HOME, $env:USERPROFILE, $env:SF_USE_GENERIC_UNIX_KEYCHAIN, $env:CODEX_HOME
        $env:HOME = $TestDrive; $env:USERPROFILE = $TestDrive; $env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'; $env:CODEX_HOME = $null
        $script:Root = New-HomesRoot
        Push-Location -LiteralPath $TestDrive
    }
    AfterEach {
        Pop-Location
        $env:HOME, $env:USERPROFILE, $env:SF_USE_GENERIC_UNIX_KEYCHAIN, $env:CODEX_HOME = $script:Saved
    }

    It '-WhatIf reports what each home holds and changes no byte' {
        $before = Get-FolderState $script:Root
        $rows = & $script:Sweep -Root $script:Root -WhatIf
        $rows.Count | Should -Be 3
        $rows.Home | Should -Be (Join-Path $script:Root 'alice'), (Join-Path $script:Root 'bob'), (Join-Path $script:Root 'carol')
        $rows.OrgsFound | Should -Be 12, 12, 0
        $rows.OrgsLoggedOut | Should -Be 0, 0, 0
        $rows.CodexLoggedIn | Should -Be $false, $true, $false
        $rows.CodexRemoved | Should -Be $false, $false, $false
        Get-FolderState $script:Root | Should -Be $before
    }

    It '-Force logs every home out, one row per home for Export-Csv, and sf and codex agree afterwards' {
        $csv = Join-Path $TestDrive 'sweep.csv'
        & $script:Sweep -Root $script:Root -Force -SkipRevoke | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be 3
        $rows.OrgsLoggedOut | Should -Be '12', '12', '0'
        $rows[0].Orgs -split ';' | Should -Contain 'user1@fixture1.example.com'
        $rows.CodexRemoved | Should -Be 'False', 'True', 'False'
        $rows.Errors | Should -Be '', '', ''
        Get-ChildItem -LiteralPath $script:Root -Directory | Get-AuthenticatedOrg | Should -BeNullOrEmpty
        (Get-ChildItem -LiteralPath $script:Root -Directory | Get-CodexAuthStatus).LoggedIn | Should -Not -Contain $true
    }

    It 'records a home that fails in its row and goes on with the others' -Skip:$IsWindows {
        # alice's codex auth.json is a folder, which codex cannot read either; her orgs, bob and carol are still swept.
        New-Item -ItemType Directory -Path (Join-Path $script:Root 'alice/.codex/auth.json') | Out-Null
        $rows = & $script:Sweep -Root $script:Root -Force -SkipRevoke 3>$null 2>$null
        $rows.Count | Should -Be 3
        $rows[0].Errors | Should -Be 'CodexAuthUnreadable,LogoutModule.Commands.GetCodexAuthStatusCommand'
        $rows[0].OrgsLoggedOut | Should -Be 12
        $rows[1].OrgsLoggedOut | Should -Be 12
        $rows[1].CodexRemoved | Should -BeTrue
        $rows[1].Errors | Should -BeNullOrEmpty
    }
}
