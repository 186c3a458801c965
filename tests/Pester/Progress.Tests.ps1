# Every network wait shows progress: an activity naming the operation, a status naming what it waits for (the server's
# host, the org's username) and never a secret, then a Completed record when the wait ends, however it ended.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Get-WaitProgress([string] $Script, [hashtable] $Ctx) {
        # Runs $Script (given $Ctx) in a fresh runspace with the built module and returns the progress records it wrote.
        $session = [initialsessionstate]::CreateDefault2()
        $session.ImportPSModule([string[]] @($script:ModuleManifest))
        $shell = [powershell]::Create($session)
        try {
            $null = $shell.AddScript("param(`$Ctx) `$ProgressPreference = 'Continue'; & { $Script } *> `$null").AddArgument($Ctx)
            $null = $shell.Invoke()
            @($shell.Streams.Progress)
        }
        finally { $shell.Dispose() }
    }

    function Assert-WaitProgress([object[]] $Progress, [string] $Activity, [string] $Status, [string[]] $Secrets) {
        $waiting = @($Progress | Where-Object { $_.RecordType -eq 'Processing' -and $_.StatusDescription -match $Status })
        $waiting | Should -Not -BeNullOrEmpty -Because "the wait says what it waits for ($Status)"
        $waiting[0].Activity | Should -Match $Activity
        $completed = @($Progress | Where-Object { $_.RecordType -eq 'Completed' -and $_.ActivityId -eq $waiting[0].ActivityId })
        $completed | Should -Not -BeNullOrEmpty -Because 'the wait ends its progress'
        $Progress[-1].RecordType | Should -Be 'Completed'
        foreach ($record in $Progress) {
            foreach ($secret in $Secrets) {
                "$($record.Activity) $($record.StatusDescription) $($record.CurrentOperation)".Contains($secret) | Should -BeFalse -Because 'progress shows no secret'
            }
        }
    }

    $script:Slow = Start-LoopbackHttpServer -Status 200 -Body '{}' -DelaySeconds 2
    $script:SlowFailing = Start-LoopbackHttpServer -Status 500 -Body '{}' -DelaySeconds 2
    $script:Host127 = [regex]::Escape(([uri]$script:Slow.BaseUrl).Authority)
    $script:Auth0Secrets = 'progress-refresh-token-e1c9', 'progress-client-secret-77aa', 'progress-management-token-5f0b'
}

AfterAll {
    Stop-LoopbackHttpServer $script:Slow
    Stop-LoopbackHttpServer $script:SlowFailing
}

Describe 'Progress during network waits' {
    It 'Remove-CodexToken shows the revocation wait, naming the server, and completes it' {
        $saved = $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE
        $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE = "$($script:Slow.BaseUrl)/oauth/revoke"
        try {
            $progress = Get-WaitProgress -Ctx @{ Home = New-CodexFixtureHome -Auth chatgpt } -Script {
                Remove-CodexToken -CodexHome $Ctx.Home -Force -Confirm:$false }
        }
        finally { $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE = $saved }
        Assert-WaitProgress $progress -Activity 'Revoking the ChatGPT refresh token' -Status "Waiting for $script:Host127" -Secrets (Get-CodexFixtureSecrets)
    }

    It 'Test-Auth0LogoutUrl -Probe shows the probe wait and completes it' {
        $progress = Get-WaitProgress -Ctx @{ Url = "$($script:Slow.BaseUrl)/" } -Script {
            Test-Auth0LogoutUrl 'http://127.0.0.1:9/bye' -BaseUri $Ctx.Url -ClientId CID -Probe -TimeoutSec 20 }
        Assert-WaitProgress $progress -Activity 'Probing the Auth0 logout URL' -Status "Waiting for $script:Host127" -Secrets $script:Auth0Secrets
    }

    It 'Test-Auth0LogoutUrl -ManagementToken shows the Management API wait, never the token, and completes it when the read fails' {
        $progress = Get-WaitProgress -Ctx @{ Url = "$($script:SlowFailing.BaseUrl)/"; Token = $script:Auth0Secrets[2] } -Script {
            Test-Auth0LogoutUrl 'http://127.0.0.1:9/bye' -BaseUri $Ctx.Url -ClientId CID -TimeoutSec 20 `
                -ManagementToken (ConvertTo-SecureString $Ctx.Token -AsPlainText -Force) }
        $failingHost = [regex]::Escape(([uri]$script:SlowFailing.BaseUrl).Authority)
        Assert-WaitProgress $progress -Activity 'Management API' -Status "Waiting for $failingHost" -Secrets $script:Auth0Secrets
    }

    It 'Revoke-Auth0RefreshToken shows the revocation wait, never the token or secret, and completes it' {
        $progress = Get-WaitProgress -Ctx @{ Url = "$($script:Slow.BaseUrl)/"; Secrets = $script:Auth0Secrets } -Script {
            Revoke-Auth0RefreshToken -BaseUri $Ctx.Url -ClientId CID -TimeoutSec 20 -Confirm:$false `
                -RefreshToken (ConvertTo-SecureString $Ctx.Secrets[0] -AsPlainText -Force) -ClientSecret (ConvertTo-SecureString $Ctx.Secrets[1] -AsPlainText -Force) }
        Assert-WaitProgress $progress -Activity 'Revoking an Auth0 refresh token' -Status "Waiting for $script:Host127" -Secrets $script:Auth0Secrets
    }

    It 'Disconnect-Org -Revoke of a single org shows the revocation wait, naming the org, and completes it' {
        $sfHome = New-SfFixtureHome
        Set-SfInstanceUrl $sfHome $script:Slow.BaseUrl -Username 'user1@fixture1.example.com'
        $authFile = Get-Content -Raw (Join-Path $sfHome '.sfdx/user1@fixture1.example.com.json') | ConvertFrom-Json
        $saved = $env:SF_USE_GENERIC_UNIX_KEYCHAIN
        $env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'
        try {
            $progress = Get-WaitProgress -Ctx @{ Home = $sfHome } -Script {
                Disconnect-Org user1@fixture1.example.com -HomePath $Ctx.Home -Revoke -Force -Confirm:$false }
        }
        finally { $env:SF_USE_GENERIC_UNIX_KEYCHAIN = $saved }
        Assert-WaitProgress $progress -Activity 'Logging out of Salesforce orgs' -Status 'Revoking the token of user1@fixture1\.example\.com' `
            -Secrets @($authFile.accessToken, $authFile.refreshToken | Where-Object { $_ })
        Join-Path $sfHome '.sfdx/user1@fixture1.example.com.json' | Should -Not -Exist -Because 'the org was logged out'
    }
}
