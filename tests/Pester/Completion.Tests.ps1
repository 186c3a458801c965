# Tab completion through TabExpansion2, the entry a real console's Tab key uses.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

Describe 'Argument completion' {
    BeforeEach { $script:SfHome = Enter-SfFixtureHome }
    AfterEach { Exit-SfFixtureHome }

    It 'offers the aliases that start with what is typed, case-insensitively, completing their exact spelling' {
        (Get-Completion 'Disconnect-Org -TargetOrg ORG1').CompletionText | Should -Be 'org1', 'org10', 'org11'
        (Get-Completion 'Disconnect-Org ex').CompletionText | Should -Be 'extra9'
    }

    It 'offers usernames bare (an @ inside a word needs no quotes) and tells what an alias names' {
        $matches = Get-Completion 'Disconnect-Org -TargetOrg user5'
        $matches.CompletionText | Should -Be 'user5@fixture5.example.com'
        (Get-Completion 'Disconnect-Org hu').ToolTip | Should -Be 'hub (alias of user0@fixture0.example.com)'
    }

    It 'completes Get-AuthenticatedOrg -Name, with wildcards as the parameter takes them' {
        (Get-Completion 'Get-AuthenticatedOrg -Name *9').CompletionText | Should -Be 'extra9', 'org9', 'user9@fixture9.example.com'
        (Get-Completion 'Get-AuthenticatedOrg -TargetOrg HUB').CompletionText | Should -Be 'hub'
    }

    It 'quotes a name that would otherwise split or expand, in the quote the user opened' {
        $aliasFile = Join-Path $script:SfHome '.sfdx/alias.json'
        $aliases = Get-Content -Raw $aliasFile | ConvertFrom-Json
        $aliases.orgs | Add-Member -NotePropertyName 'my $org' -NotePropertyValue 'user3@fixture3.example.com'
        $aliases | ConvertTo-Json -Compress | Set-Content -LiteralPath $aliasFile
        (Get-Completion 'Disconnect-Org my').CompletionText | Should -Be "'my `$org'"
        (Get-Completion 'Disconnect-Org "my').CompletionText | Should -Be '"my `$org"'
    }

    It 'reads names only: completes with key.json gone, and usernames with a broken alias.json, never throwing' {
        Remove-Item -LiteralPath (Join-Path $script:SfHome '.sfdx/key.json')
        (Get-Completion 'Disconnect-Org org5').CompletionText | Should -Be 'org5'
        Set-Content -LiteralPath (Join-Path $script:SfHome '.sfdx/alias.json') -Value '{"orgs":'
        (Get-Completion 'Disconnect-Org user1').CompletionText | Should -Be 'user10@fixture10.example.com', 'user11@fixture11.example.com', 'user1@fixture1.example.com'
        (Get-Completion 'Disconnect-Org org5').CompletionText | Should -BeNullOrEmpty
        $env:HOME = Join-Path $TestDrive 'no-such-home'
        (Get-Completion 'Disconnect-Org org').CompletionText | Should -BeNullOrEmpty
    }

    It 'reads the home typed to -HomePath, relative to the PowerShell location, instead of the session''s' {
        $other = New-SfFixtureHome
        $aliasFile = Join-Path $other '.sfdx/alias.json'
        $aliases = Get-Content -Raw $aliasFile | ConvertFrom-Json
        $aliases.orgs | Add-Member -NotePropertyName 'leaver-only' -NotePropertyValue 'user3@fixture3.example.com'
        $aliases | ConvertTo-Json -Compress | Set-Content -LiteralPath $aliasFile
        (Get-Completion 'Disconnect-Org leav').CompletionText | Should -BeNullOrEmpty
        (Get-Completion "Disconnect-Org -HomePath '$other' leav").CompletionText | Should -Be 'leaver-only'
        Push-Location -LiteralPath (Split-Path $other)
        try { (Get-Completion "Get-AuthenticatedOrg -HomePath ./$(Split-Path -Leaf $other) -Name leav").CompletionText | Should -Be 'leaver-only' }
        finally { Pop-Location }
    }

    It "offers the chosen org's linked client apps for -ClientApp, and nothing before -TargetOrg" {
        (Get-Completion 'Disconnect-Org org2 -ClientApp ').CompletionText | Should -Be 'my-eca'
        (Get-Completion 'Disconnect-Org -ClientApp M').CompletionText | Should -BeNullOrEmpty
        (Get-Completion 'Disconnect-Org -TargetOrg user2@fixture2.example.com -ClientApp M').CompletionText | Should -Be 'my-eca'
        (Get-Completion 'Disconnect-Org org3 -ClientApp ').CompletionText | Should -BeNullOrEmpty
    }

    It 'offers the Allowed Logout URLs typed on the line as -ReturnTo, never a wildcard pattern' {
        $line = "Test-Auth0LogoutUrl -AllowedLogoutUrl 'https://app.example.com/bye','https://*.example.com/x' -ReturnTo "
        (Get-Completion $line).CompletionText | Should -Be 'https://app.example.com/bye'
        (Get-Completion ($line + 'http://')).CompletionText | Should -BeNullOrEmpty
    }
}

Describe 'Argument completion speed' {
    BeforeAll {
        # 1,000 orgs: auth files named after their usernames and one alias each, as sf writes them.
        $script:SavedHome = $env:HOME
        $env:HOME = Join-Path $TestDrive 'thousand'
        $sfdx = New-Item -ItemType Directory -Path (Join-Path $env:HOME '.sfdx')
        $aliases = [ordered]@{}
        foreach ($index in 0..999) {
            $username = "user$index@thousand.example.com"
            Set-Content -LiteralPath (Join-Path $sfdx "$username.json") -Value (@{ username = $username; orgId = '00D000000000000EAA' } | ConvertTo-Json -Compress)
            $aliases["scratch$index"] = $username
        }
        @{ orgs = $aliases } | ConvertTo-Json -Compress | Set-Content -LiteralPath (Join-Path $sfdx 'alias.json')
    }
    AfterAll { $env:HOME = $script:SavedHome }

    It 'offers local aliases of 1,000 orgs within 50 ms (median of 7 warm Tab presses; bound 200 ms on a shared machine)' {
        $line = 'Disconnect-Org -TargetOrg scratch99'
        (Get-Completion $line).CompletionText | Should -Be 'scratch99', 'scratch990', 'scratch991', 'scratch992', 'scratch993', 'scratch994', 'scratch995', 'scratch996', 'scratch997', 'scratch998', 'scratch999'
        $times = foreach ($run in 1..7) { (Measure-Command { Get-Completion $line }).TotalMilliseconds }
        $median = ($times | Sort-Object)[3]
        Write-Host ("Completion of 1,000 orgs: median {0:N1} ms, all {1}" -f $median, (($times | ForEach-Object { '{0:N1}' -f $_ }) -join ', '))
        (Get-Completion 'Disconnect-Org -TargetOrg ').Count | Should -Be 2000
        $median | Should -BeLessThan 200
    }
}
