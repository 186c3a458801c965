BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

# Ctrl+C during a network wait: PowerShell calls StopProcessing, and the prompt must come back within a second with
# the pipeline stopped (not after the command's own time limit, and not as an error of the command).
Describe 'Ctrl+C stops network waits within a second' {
    BeforeEach { $script:Silent = Start-SilentServer; $script:Port = $script:Silent.LocalEndpoint.Port }
    AfterEach { $script:Silent.Stop() }

    It 'stops Revoke-Auth0RefreshToken while the server does not answer' {
        $result = Measure-CtrlC -Started { $script:Silent.Pending() } -Script ([scriptblock]::Create(
            "Revoke-Auth0RefreshToken -BaseUri 'http://127.0.0.1:$script:Port/' -ClientId CID -RefreshToken (ConvertTo-SecureString 'rt-never-shown' -AsPlainText -Force) -TimeoutSec 30 -Confirm:`$false"))
        $result.Reached | Should -BeTrue
        $result.StopSeconds | Should -BeLessThan 1
        $result.State | Should -Be 'Stopped'
        $result.Errors | Should -BeNullOrEmpty
    }

    It 'stops Test-Auth0LogoutUrl -Probe while the server does not answer' {
        $result = Measure-CtrlC -Started { $script:Silent.Pending() } -Script ([scriptblock]::Create(
            "Test-Auth0LogoutUrl 'https://app.example.com/bye' -Probe -BaseUri 'http://127.0.0.1:$script:Port/' -TimeoutSec 30"))
        $result.Reached | Should -BeTrue
        $result.StopSeconds | Should -BeLessThan 1
        $result.State | Should -Be 'Stopped'
    }

    It 'stops the Management API read of Test-Auth0LogoutUrl while the server does not answer' {
        $result = Measure-CtrlC -Started { $script:Silent.Pending() } -Script ([scriptblock]::Create(
            "Test-Auth0LogoutUrl 'https://app.example.com/bye' -ManagementToken (ConvertTo-SecureString 'mgmt-never-shown' -AsPlainText -Force) -BaseUri 'http://127.0.0.1:$script:Port/' -TimeoutSec 30"))
        $result.Reached | Should -BeTrue
        $result.StopSeconds | Should -BeLessThan 1
        $result.State | Should -Be 'Stopped'
    }

    It 'stops the codex revocation of Remove-CodexToken and leaves the login in place' {
        $codexHome = New-CodexFixtureHome -Auth chatgpt
        $before = Get-FolderState $codexHome
        $saved = $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE
        $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE = "http://127.0.0.1:$script:Port/oauth/revoke"
        try {
            $result = Measure-CtrlC -Started { $script:Silent.Pending() } -Script ([scriptblock]::Create(
                "Remove-CodexToken -CodexHome '$codexHome' -Force -Confirm:`$false"))
        }
        finally { $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE = $saved }
        $result.Reached | Should -BeTrue
        $result.StopSeconds | Should -BeLessThan 1
        $result.State | Should -Be 'Stopped'
        Get-FolderState $codexHome | Should -BeExactly $before
    }
}

Describe 'Ctrl+C stops Disconnect-Auth0Session -Wait' -Skip:$IsWindows {
    BeforeAll {
        # The "default browser" is xdg-open: a stand-in that opens nothing, so the command reaches its wait.
        $script:BrowserDir = Join-Path $TestDrive 'browser'
        New-Item -ItemType Directory -Path $script:BrowserDir | Out-Null
        Set-Content -LiteralPath (Join-Path $script:BrowserDir 'xdg-open') -Value "#!/bin/sh`nexit 0"
        chmod +x (Join-Path $script:BrowserDir 'xdg-open')
        $script:SavedPath = $env:PATH
        $env:PATH = $script:BrowserDir + [IO.Path]::PathSeparator + $env:PATH
    }
    AfterAll { $env:PATH = $script:SavedPath }

    It 'shows progress saying it waits for the browser and stops within a second' {
        $result = Measure-CtrlC -Started { $args[0].Streams.Progress.Count -gt 0 } -Script {
            Disconnect-Auth0Session -BaseUri 'http://127.0.0.1:9/' -Wait -TimeoutSec 30 -Confirm:$false
        }
        $result.Reached | Should -BeTrue
        $result.Progress[0].StatusDescription | Should -Match 'Waiting for the browser to return to http://127\.0\.0\.1:\d+/'
        $result.StopSeconds | Should -BeLessThan 1
        $result.State | Should -Be 'Stopped'
        $result.Errors | Should -BeNullOrEmpty
    }
}
