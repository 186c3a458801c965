BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters |
        Where-Object { $_ -notin 'WhatIf', 'Confirm' }

    function Get-SyntaxShape([string] $Name) {
        # Get-Command's parameter sets as sorted lines of name:mandatory:position:type, one per set.
        (Get-Command $Name).ParameterSets | ForEach-Object {
            ($_.Parameters | Where-Object Name -NotIn $script:Common | Sort-Object Name | ForEach-Object {
                $type = if ($_.ParameterType -eq [switch]) { 'switch' } else { $_.ParameterType.Name }
                $position = if ($_.Position -ge 0) { $_.Position } else { 'named' }
                "$($_.Name):$($_.IsMandatory):${position}:$type"
            }) -join ' '
        } | Sort-Object
    }

    function Get-HelpSyntaxShape([string] $Name) {
        # The same lines from Get-Help's syntax items, as the shipped MAML states them.
        (Get-Help $Name).syntax.syntaxItem | ForEach-Object {
            ($_.parameter | Sort-Object name | ForEach-Object {
                $type = if ($_.parameterValue) { "$(@($_.parameterValue)[0])".Trim() } else { 'switch' }
                "$($_.name):$($_.required -eq 'true'):$($_.position):$type"
            }) -join ' '
        } | Sort-Object
    }
}

Describe 'Help' {
    It 'has a syntax in Get-Help that agrees with Get-Command -Syntax for <_>' -ForEach @(
        'Get-AuthenticatedOrg', 'Disconnect-Org', 'Get-CodexAuthStatus', 'Remove-CodexToken',
        'Get-Auth0LogoutUrl', 'Disconnect-Auth0Session', 'Test-Auth0LogoutUrl', 'Revoke-Auth0RefreshToken') {
        Get-HelpSyntaxShape $_ | Should -Be (Get-SyntaxShape $_)
    }

    It 'shows plain Disconnect-Org (no -TargetOrg) as valid in Get-Help' {
        $syntax = Get-Help Disconnect-Org | Select-Object -ExpandProperty syntax | Out-String -Width 300
        $syntax | Should -Match ([regex]::Escape('Disconnect-Org [[-TargetOrg] <String[]>]'))
    }

    It 'covers every exported cmdlet with a synopsis, every parameter described and at least two examples' {
        $commands = Get-Command -Module LogoutModule -CommandType Cmdlet
        $commands.Count | Should -BeGreaterOrEqual 8
        foreach ($command in $commands) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $command.Name
            $help.Synopsis | Should -Not -Match ([regex]::Escape($command.Name + ' ')) -Because "$($command.Name) needs a real synopsis, not its syntax"
            @($help.examples.example).Count | Should -BeGreaterOrEqual 2 -Because "$($command.Name) needs two examples"
            $documented = @($help.parameters.parameter | Where-Object { "$($_.description.Text)".Trim() }).name
            foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $script:Common }) {
                $documented | Should -Contain $parameter -Because "$($command.Name) -$parameter needs a description"
            }
        }
    }

    It 'sends Get-Help <Name> -Online to the page of the command it mirrors, and links its family and about_LogoutModule' -ForEach @(
        @{ Name = 'Get-AuthenticatedOrg'; Uri = 'https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_list_auth.html' }
        @{ Name = 'Disconnect-Org'; Uri = 'https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_logout.html' }
        @{ Name = 'Get-CodexAuthStatus'; Uri = 'https://github.com/openai/codex/blob/main/docs/authentication.md' }
        @{ Name = 'Remove-CodexToken'; Uri = 'https://github.com/openai/codex/blob/main/docs/authentication.md' }
        @{ Name = 'Get-Auth0LogoutUrl'; Uri = 'https://auth0.com/docs/api/authentication#logout' }
        @{ Name = 'Disconnect-Auth0Session'; Uri = 'https://auth0.com/docs/api/authentication#logout' }
        @{ Name = 'Test-Auth0LogoutUrl'; Uri = 'https://auth0.com/docs/authenticate/login/logout/redirect-users-after-logout' }
        @{ Name = 'Revoke-Auth0RefreshToken'; Uri = 'https://auth0.com/docs/api/authentication#revoke-refresh-token' }) {
        # -Online opens the command's HelpUri, else the MAML's first related link: both must be the page (no browser is started here).
        (Get-Command $Name).HelpUri | Should -BeExactly $Uri
        $links = @((Get-Help $Name).relatedLinks.navigationLink)
        $links[0].uri | Should -BeExactly $Uri
        $links.linkText | Should -Contain 'about_LogoutModule'
        @($links.linkText | Where-Object { $_ -ne $Name -and $_ -in (Get-Command -Module LogoutModule).Name }).Count | Should -BeGreaterOrEqual 1
    }

    It 'ships about_LogoutModule mapping sf, codex and Auth0 commands and flags to cmdlets and parameters' {
        $about = Get-Help about_LogoutModule | Out-String -Width 200
        $about | Should -Match 'about_LogoutModule'
        foreach ($pair in @(
                @('sf org list auth', 'Get-AuthenticatedOrg'), @('--no-prompt', '-Force'), @('--json', 'ConvertTo-Json'),
                @('--loglevel', '-Verbose'), @('--flags-dir', 'PSDefaultParameterValues'), @('--target-org / -o', '-TargetOrg'),
                @('--all', 'Disconnect-Org -All'), @('--client-app', '-ClientApp'), @('codex logout', 'Remove-CodexToken'),
                @('codex login status', 'Get-CodexAuthStatus'), @('/v2/logout?federated', '-Federated'), @('POST /oauth/revoke', 'Revoke-Auth0RefreshToken'))) {
            $about | Should -Match ([regex]::Escape($pair[0]) + '[^\n]*' + [regex]::Escape($pair[1])) -Because "$($pair[0]) maps to $($pair[1])"
        }
    }
}
