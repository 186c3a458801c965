BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

Describe 'Get-AuthenticatedOrg' {
    BeforeEach {
        $script:SfHome = Enter-SfFixtureHome
    }
    AfterEach { Exit-SfFixtureHome }

    It 'lists every org of the fixture as typed objects' {
        $orgs = Get-AuthenticatedOrg
        $orgs.Count | Should -Be 12
        $orgs[0].PSObject.TypeNames[0] | Should -Be 'LogoutModule.Core.Salesforce.OrgAuthorization'
        ($orgs | Where-Object IsDefault).Username | Should -Be 'user1@fixture1.example.com'
    }

    It 'resolves the project-local default from the PowerShell location' {
        Set-Location -LiteralPath (Join-Path $script:SfHome 'project')
        (Get-AuthenticatedOrg | Where-Object IsDefault).Username | Should -Be 'user2@fixture2.example.com'
    }

    It 'filters by alias and username with wildcards, from the pipeline too' {
        (Get-AuthenticatedOrg -Name 'extra*').Username | Should -Be 'user9@fixture9.example.com'
        ('org1' | Get-AuthenticatedOrg).Username | Should -Be 'user1@fixture1.example.com'
    }

    It 'reports an unknown name as a non-terminating ObjectNotFound error' {
        { Get-AuthenticatedOrg -Name 'nope' -ErrorAction Stop } |
            Should -Throw -ErrorId 'OrgNotFound,LogoutModule.Commands.GetAuthenticatedOrgCommand'
        $result = Get-AuthenticatedOrg -Name 'nope', 'org1' -ErrorAction SilentlyContinue -ErrorVariable problems
        $result.Username | Should -Be 'user1@fixture1.example.com'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'nope'
    }

    It 'shows a table with the alias, type and expiry' {
        $table = Get-AuthenticatedOrg -Name org3 | Format-Table | Out-String -Width 250
        $table | Should -Match 'Alias'
        $table | Should -Match 'Scratch'
    }

    It 'prints no token, password or secret in any stream' {
        $all = Get-AuthenticatedOrg -Verbose 4>&1 3>&1 | Out-String -Width 500
        $all += Get-AuthenticatedOrg | Format-List * | Out-String -Width 500
        $all | Should -Not -Match '5Aep861'
        $all | Should -Not -Match '!AQ0AQ'
        $all | Should -Not -Match 'Fixture!Pw'
    }

    It 'lists nothing, without error, when there is no .sfdx folder' {
        $env:HOME = $TestDrive; $env:USERPROFILE = $TestDrive
        Get-AuthenticatedOrg -ErrorAction Stop | Should -BeNullOrEmpty
    }
}
