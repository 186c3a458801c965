# Issue #10 suite (e), the secrets test: every cmdlet of the module driven with fixture secrets (sf refresh and access
# tokens encrypted in auth files, codex tokens and API key in auth.json and config.toml, an Auth0 refresh token, client
# secret, Management API token and id_token hint) under -Verbose -Debug, without prompting, through success and error
# paths (revocation servers answering 200, 400 and 500 that echo the token they were sent in raw, form-encoded and
# JSON-escaped spellings; an unreachable and a silent server; damaged files holding a token). Every stream is captured
# (*>&1, and progress from the runspace), and no secret may appear in any record's text, Out-String,
# ConvertTo-Json -Depth 6 (InvocationInfo included), Format-List * -Force, or an error record's parts.
#
# The secrets are made at run time from GUIDs: a literal in this file would be in every record's InvocationInfo and
# script stack trace, and the test would find it there. A secret is looked for by its 32 hex digits, which every
# spelling (raw, %2F/%2B/%3D, \/ \u002B \u003d) keeps whole. Only loopback addresses are contacted. Every command
# passes -WarningAction Continue beside -Debug: -Debug alone turns each warning into a "Continue with this operation?"
# question (PowerShell's rule), which a session without a prompt answers by stopping the command.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force

    function New-FixtureSecret {
        # A token-like secret with the characters that form-encoding and JSON escaping spell differently.
        param([string] $Prefix)
        $core = [guid]::NewGuid().ToString('N')
        [pscustomobject]@{ Core = $core; Value = "$Prefix/$core+Zm9v==" }
    }

    function Protect-SfToken([string] $Plain) {
        # sf's v1 encryption (AES-256-GCM, the key's ASCII bytes, a 12-character iv): <iv><ciphertext hex>:<tag hex>.
        $iv = -join (1..12 | ForEach-Object { '0123456789abcdef'[(Get-Random -Maximum 16)] })
        $aes = [System.Security.Cryptography.AesGcm]::new([System.Text.Encoding]::ASCII.GetBytes($script:SfKey), 16)
        $plainBytes = [System.Text.Encoding]::UTF8.GetBytes($Plain)
        $cipher = [byte[]]::new($plainBytes.Length); $tag = [byte[]]::new(16)
        $aes.Encrypt([System.Text.Encoding]::ASCII.GetBytes($iv), $plainBytes, $cipher, $tag)
        $aes.Dispose()
        $iv + [Convert]::ToHexString($cipher).ToLowerInvariant() + ':' + [Convert]::ToHexString($tag).ToLowerInvariant()
    }

    function New-SecretSfHome([string] $InstanceUrl, [switch] $Damaged) {
        # An sf home holding only the secret orgs, so -All contacts nothing but InstanceUrl: secret-a (refresh and access
        # token, alias and default), secret-b (access token only); -Damaged adds an auth file cut off inside a token.
        $sfHome = Join-Path $TestDrive ('sf-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $sfdx = New-Item -ItemType Directory -Path (Join-Path $sfHome '.sfdx')
        New-Item -ItemType Directory -Path (Join-Path $sfHome '.sf') | Out-Null
        Copy-Item -LiteralPath (Join-Path $script:SharedFixtures 'sf-home/.sfdx/key.json') -Destination $sfdx
        if (-not $IsWindows) { chmod 600 (Join-Path $sfdx 'key.json') }
        $orgs = @{
            'secret-a@fixture.example.com' = @{ refreshToken = Protect-SfToken $script:S.SfRefresh.Value; accessToken = Protect-SfToken $script:S.SfAccess.Value }
            'secret-b@fixture.example.com' = @{ accessToken = Protect-SfToken $script:S.SfAccessOnly.Value }
        }
        foreach ($username in $orgs.Keys) {
            $auth = [ordered]@{ username = $username; orgId = '00D000000000099EAA'; instanceUrl = $InstanceUrl; loginUrl = $InstanceUrl; clientId = 'PlatformCLI' }
            foreach ($pair in $orgs[$username].GetEnumerator()) { $auth[$pair.Key] = $pair.Value }
            Set-Content -LiteralPath (Join-Path $sfdx "$username.json") -Value ($auth | ConvertTo-Json)
        }
        Set-Content -LiteralPath (Join-Path $sfdx 'alias.json') -Value '{"orgs":{"secreta":"secret-a@fixture.example.com"}}'
        Set-Content -LiteralPath (Join-Path $sfHome '.sf/config.json') -Value '{"target-org":"secreta"}'
        if ($Damaged) {
            Set-Content -LiteralPath (Join-Path $sfdx 'secret-c@fixture.example.com.json') -NoNewline `
                -Value "{`"username`": `"secret-c@fixture.example.com`", `"instanceUrl`": `"$InstanceUrl`", `"refreshToken`": `"$($script:S.SfDamaged.Value)"
        }
        $sfHome
    }

    function New-SecretCodexHome([ValidateSet('chatgpt', 'access-only', 'apikey', 'legacy', 'damaged')] [string] $Kind) {
        $codexHome = Join-Path $TestDrive ('codex-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $codexHome | Out-Null
        $auth = Get-Content -Raw (Join-Path $script:SharedFixtures 'codex-auth-chatgpt.json') | ConvertFrom-Json
        $idParts = $auth.tokens.id_token.Split('.')
        $auth.tokens.id_token = "$($idParts[0]).$($idParts[1]).$($script:S.CodexIdSignature.Value)"
        $auth.tokens.access_token = "$($idParts[0]).$($idParts[1]).$($script:S.CodexAccess.Value)"
        $auth.tokens.refresh_token = if ($Kind -eq 'access-only') { '' } else { $script:S.CodexRefresh.Value }
        $text = switch ($Kind) {
            'apikey' { @{ auth_mode = 'apikey'; OPENAI_API_KEY = $script:S.CodexApiKey.Value } | ConvertTo-Json }
            'damaged' { "{`"auth_mode`": `"apikey`", `"OPENAI_API_KEY`": `"$($script:S.CodexApiKey.Value)`"," }
            'legacy' { $null }
            default { $auth | ConvertTo-Json -Depth 5 }
        }
        if ($text) { Set-Content -LiteralPath (Join-Path $codexHome 'auth.json') -Value $text }
        if ($Kind -eq 'legacy') {
            Set-Content -LiteralPath (Join-Path $codexHome 'config.toml') -Value "model = `"gpt-5`"`nauth_token = `"$($script:S.CodexLegacy.Value)`"`n"
        }
        $codexHome
    }

    function Get-JsonShape($Exception) {
        # An exception's properties as ConvertTo-Json walks them, with TargetSite (the throwing method's reflection
        # metadata: the same for every call, no run-time value, 40 MB of JSON at this depth) as its signature text.
        if ($null -eq $Exception) { return $null }
        $shape = [ordered]@{}
        foreach ($property in $Exception.PSObject.Properties) {
            $shape[$property.Name] = switch ($property.Name) {
                'TargetSite' { "$($property.Value)" }
                'InnerException' { Get-JsonShape $property.Value }
                default { $property.Value }
            }
        }
        [pscustomobject]$shape
    }

    function ConvertTo-RecordJson($Record) {
        # ConvertTo-Json -Depth 6 of the record, with two kinds of static metadata taken out. InvocationInfo.MyCommand is
        # the cmdlet's (its module and every exported command: 6 MB of JSON, seconds per record), the same object in
        # every record the cmdlet writes: it is converted once per object, at the depth it has inside a record (returned
        # then, $null after). An exception's TargetSite is its signature text (Get-JsonShape). All else at full depth.
        $info = $Record.PSObject.Properties['InvocationInfo'].Value
        $exception = $Record.PSObject.Properties['Exception'].Value
        if ($info -isnot [System.Management.Automation.InvocationInfo] -and $exception -isnot [Exception]) {
            return @{ Record = ConvertTo-Json -InputObject $Record -Depth 6 -WarningAction SilentlyContinue }
        }
        $command = $null
        if ($info.MyCommand -and $script:ConvertedCommands.Add($info.MyCommand)) {
            $command = ConvertTo-Json -InputObject $info.MyCommand -Depth 4 -WarningAction SilentlyContinue
        }
        $copy = [ordered]@{}
        foreach ($property in $Record.PSObject.Properties) { $copy[$property.Name] = $property.Value }
        if ($info -is [System.Management.Automation.InvocationInfo]) { $copy['InvocationInfo'] = $info | Select-Object -Property * -ExcludeProperty MyCommand }
        if ($exception -is [Exception]) { $copy['Exception'] = Get-JsonShape $exception }
        @{ Record = ConvertTo-Json -InputObject ([pscustomobject]$copy) -Depth 6 -WarningAction SilentlyContinue; Command = $command }
    }

    function Get-RecordText($Record) {
        # Every view of one record a user or a log could see, by name.
        $json = ConvertTo-RecordJson $Record
        $views = [ordered]@{
            'ToString'                = "$Record"
            'Out-String'              = $Record | Out-String -Width 4096
            'ConvertTo-Json -Depth 6' = $json.Record
            'Format-List * -Force'    = $Record | Format-List * -Force | Out-String -Width 4096
        }
        if ($json.Command) { $views['ConvertTo-Json -Depth 6 (InvocationInfo.MyCommand)'] = $json.Command }
        if ($Record -is [System.Management.Automation.ErrorRecord]) {
            $views['Exception.Message'] = $Record.Exception.Message
            $views['Exception.ToString()'] = $Record.Exception.ToString()
            $views['ErrorDetails'] = "$($Record.ErrorDetails.Message) $($Record.ErrorDetails.RecommendedAction)"
            $views['TargetObject'] = "$($Record.TargetObject) " + (ConvertTo-Json -InputObject $Record.TargetObject -Depth 6 -WarningAction SilentlyContinue)
            $views['CategoryInfo'] = $Record.CategoryInfo.ToString()
            $views['ScriptStackTrace'] = $Record.ScriptStackTrace
        }
        if ($Record -is [System.Management.Automation.ProgressRecord]) {
            $views['Progress'] = "$($Record.Activity) $($Record.StatusDescription) $($Record.CurrentOperation)"
        }
        if ($Record -is [System.Management.Automation.InformationalRecord] -or $Record -is [System.Management.Automation.InformationRecord]) {
            $views['InvocationInfo'] = $Record.InvocationInfo | Format-List * -Force | Out-String -Width 4096
        }
        $views
    }

    function Find-SecretLeak([object[]] $Records) {
        # "<record type> <view>: <secret name>" for every view of every record holding a secret; never the secret itself.
        foreach ($record in $Records) {
            $views = Get-RecordText $record
            $script:Figures.Records++
            $script:Figures.Views += $views.Count
            foreach ($view in $views.GetEnumerator()) {
                foreach ($secret in $script:S.GetEnumerator()) {
                    $script:Figures.Checks++
                    if ("$($view.Value)".IndexOf($secret.Value.Core, [StringComparison]::OrdinalIgnoreCase) -ge 0) {
                        "$($record.GetType().Name) $($view.Key): $($secret.Key)"
                    }
                }
            }
        }
    }

    function Invoke-SecretScenario {
        # Runs $Script (given $S, the secrets as SecureStrings, and $Ctx) in the module's runspace with every stream
        # merged into the output (*>&1) and progress shown; returns the records, progress included.
        param([string] $Cmdlet, [string] $Name, [scriptblock] $Script, [hashtable] $Ctx = @{})
        $shell = [powershell]::Create()
        $shell.Runspace = $script:Runspace
        $null = $shell.AddScript('param($Script, $S, $Ctx) $ProgressPreference = "Continue"; try { & ([scriptblock]::Create($Script)) $S $Ctx *>&1 } catch { $_ }').
            AddArgument($Script.ToString()).AddArgument($script:SecureSecrets).AddArgument($Ctx)
        try {
            $records = @($shell.Invoke()) + @($shell.Streams.Progress) + @($shell.Streams.Error) + @($shell.Streams.Warning) +
                @($shell.Streams.Verbose) + @($shell.Streams.Debug) + @($shell.Streams.Information)
        }
        finally { $shell.Dispose() }
        $script:Figures.Scenarios++
        $script:Figures.Cmdlets[$Cmdlet] = 1 + $script:Figures.Cmdlets[$Cmdlet]
        $records = @($records | Where-Object { $null -ne $_ })
        $leaks = @(Find-SecretLeak $records)
        [pscustomobject]@{ Name = "$Cmdlet $Name"; Records = $records; Leaks = $leaks }
    }

    function Assert-NoLeak([object[]] $Results) {
        # Each scenario wrote something (so there was something to check), and nothing held a secret.
        foreach ($result in $Results) {
            $script:LeakCount += $result.Leaks.Count
            $result.Records.Count | Should -BeGreaterThan 0 -Because "$($result.Name) writes records"
            $result.Leaks | Should -BeNullOrEmpty -Because "$($result.Name) must show no secret"
        }
    }

    function Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $listener.Start()
        $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $port
    }

    $script:SfKey = (Get-Content -Raw (Join-Path $script:SharedFixtures 'sf-home/.sfdx/key.json') | ConvertFrom-Json).key
    $script:S = [ordered]@{}
    foreach ($name in 'SfRefresh', 'SfAccess', 'SfAccessOnly', 'SfDamaged', 'CodexRefresh', 'CodexAccess', 'CodexIdSignature',
        'CodexApiKey', 'CodexLegacy', 'Auth0Refresh', 'Auth0ClientSecret', 'Auth0IdTokenHint', 'Auth0ManagementToken') {
        $script:S[$name] = New-FixtureSecret $(if ($name -like 'Sf*') { '5Aep861' } elseif ($name -eq 'CodexApiKey') { 'sk-proj' } else { 'v1.M' })
    }
    # The Auth0 secrets as the cmdlets take them; a plain string binds only through the user's own conversion.
    $script:SecureSecrets = @{}
    foreach ($name in 'Auth0Refresh', 'Auth0ClientSecret', 'Auth0IdTokenHint', 'Auth0ManagementToken') {
        $script:SecureSecrets[$name] = ConvertTo-SecureString $script:S[$name].Value -AsPlainText -Force
    }
    $script:LeakCount = 0
    $script:ConvertedCommands = [System.Collections.Generic.HashSet[object]]::new([System.Collections.Generic.ReferenceEqualityComparer]::Instance)
    $script:Figures = @{ Scenarios = 0; Records = 0; Views = 0; Checks = 0; Cmdlets = @{} }

    $session = [initialsessionstate]::CreateDefault2()
    $session.ImportPSModule([string[]] @($script:ModuleManifest))
    $script:Runspace = [runspacefactory]::CreateRunspace($session)
    $script:Runspace.Open()

    $script:Ok = Start-LoopbackHttpServer -Status 200 -Echo
    $script:Echo400 = Start-LoopbackHttpServer -Status 400 -Echo
    $script:Echo500 = Start-LoopbackHttpServer -Status 500 -Echo -EchoAs Html
    $script:Silent = Start-SilentServer
    $script:Unreachable = "http://127.0.0.1:$(Get-ClosedPort)"
    $script:SilentUrl = "http://127.0.0.1:$($script:Silent.LocalEndpoint.Port)"

    # The "default browser" (xdg-open): one that records nothing and returns to the returnTo as a browser would after
    # Auth0's logout (loopback only), and a folder without any, for the launch failure.
    $script:BrowserDir = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'browser')
    $script:NoBrowserDir = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'no-browser')
    Set-Content -LiteralPath (Join-Path $script:BrowserDir 'browse.ps1') -Value @'
param([string] $Url)
foreach ($pair in ([uri]$Url).Query.TrimStart('?').Split('&')) {
    $name, $value = $pair.Split('=', 2)
    if ($name -in 'returnTo', 'post_logout_redirect_uri') { $target = [uri][uri]::UnescapeDataString($value) }
}
if ($target.IsLoopback) { $null = Invoke-WebRequest -Uri $target -UseBasicParsing -TimeoutSec 20 }
'@
    Set-Content -LiteralPath (Join-Path $script:BrowserDir 'xdg-open') -Value "#!/bin/sh`n'$script:Pwsh' -NoProfile -NonInteractive -File '$(Join-Path $script:BrowserDir 'browse.ps1')' `"`$1`" >/dev/null 2>&1 &`nexit 0"
    if (-not $IsWindows) { chmod +x (Join-Path $script:BrowserDir 'xdg-open') }

    $script:Saved = @{ Keychain = $env:SF_USE_GENERIC_UNIX_KEYCHAIN; Path = $env:PATH; Revoke = $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE }
    $env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'
}

AfterAll {
    $env:SF_USE_GENERIC_UNIX_KEYCHAIN = $script:Saved.Keychain; $env:PATH = $script:Saved.Path
    $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE = $script:Saved.Revoke
    foreach ($server in $script:Ok, $script:Echo400, $script:Echo500) { Stop-LoopbackHttpServer $server }
    if ($script:Silent) { $script:Silent.Stop() }
    if ($script:Runspace) { $script:Runspace.Dispose() }
    # The figures, also in out/test-results/secrets.txt (README, "Reliability and security").
    $f = $script:Figures
    $line = "Secrets suite: {0} cmdlets x {1} scenarios, {2} records, {3} views, {4} secrets, {5} checks, {6} leaks" -f
        $f.Cmdlets.Count, $f.Scenarios, $f.Records, $f.Views, $script:S.Count, $f.Checks, $script:LeakCount
    Write-Host $line
    $results = New-Item -ItemType Directory -Force -Path (Join-Path $PSScriptRoot '../../out/test-results')
    Set-Content -LiteralPath (Join-Path $results 'secrets.txt') -Value $line
}

Describe 'Secrets (#10 suite e)' {

    It 'the check finds a secret in every view it looks at, in every spelling (so the suite can fail)' {
        # A stand-in for a faulty cmdlet: each record carries one secret in one place or spelling.
        $secret = $script:S.Auth0Refresh
        $encoded = [uri]::EscapeDataString($secret.Value)
        $planted = @(
            [System.Management.Automation.VerboseRecord]::new("raw $($secret.Value)")
            [System.Management.Automation.WarningRecord]::new("form-encoded $encoded")
            [System.Management.Automation.DebugRecord]::new("json-escaped $($secret.Value.Replace('/', '\/').Replace('+', '\u002B'))")
            [System.Management.Automation.ErrorRecord]::new([Exception]::new('fine'), 'Id', 'NotSpecified', $secret.Value)
            & { $e = [System.Management.Automation.ErrorRecord]::new([Exception]::new('fine'), 'Id', 'NotSpecified', $null); $e.ErrorDetails = "details $($secret.Value)"; $e }
            [System.Management.Automation.ErrorRecord]::new([Exception]::new('fine', [Exception]::new("inner $encoded")), 'Id', 'NotSpecified', $null)
            [System.Management.Automation.ProgressRecord]::new(1, 'Revoking', "status $($secret.Value)")
            [pscustomobject]@{ Hidden = [pscustomobject]@{ Deeper = @{ Token = $secret.Value } } }
        )
        $before = $script:Figures.Clone()
        foreach ($record in $planted) {
            @(Find-SecretLeak @($record)) -join '; ' | Should -Match 'Auth0Refresh' -Because "a secret in a $($record.GetType().Name) is found"
        }
        # The planted records are no scenario: leave the figures as the cmdlets made them.
        $script:Figures.Records = $before.Records; $script:Figures.Views = $before.Views; $script:Figures.Checks = $before.Checks
    }

    It 'Get-AuthenticatedOrg shows no sf token' {
        $results = @(
            Invoke-SecretScenario Get-AuthenticatedOrg 'all orgs' -Ctx @{ Home = New-SecretSfHome $script:Ok.BaseUrl } -Script {
                param($S, $Ctx) Get-AuthenticatedOrg -HomePath $Ctx.Home -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Get-AuthenticatedOrg 'by name, with an auth file cut off inside a token' -Ctx @{ Home = New-SecretSfHome $script:Ok.BaseUrl -Damaged } -Script {
                param($S, $Ctx) Get-AuthenticatedOrg secreta, 'secret-*', nosuchorg -HomePath $Ctx.Home -Verbose -Debug -WarningAction Continue }
        )
        Assert-NoLeak $results
        $results[1].Records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | Should -Not -BeNullOrEmpty -Because 'the damaged file is reported'
    }

    It 'Disconnect-Org -Revoke shows no sf token, whatever the server echoes' {
        $results = @(
            Invoke-SecretScenario Disconnect-Org '-Revoke, server revokes' -Ctx @{ Home = New-SecretSfHome $script:Ok.BaseUrl } -Script {
                param($S, $Ctx) Disconnect-Org -All -Revoke -HomePath $Ctx.Home -Force -Confirm:$false -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Disconnect-Org '-Revoke, 400 echoing the token (JSON)' -Ctx @{ Home = New-SecretSfHome $script:Echo400.BaseUrl } -Script {
                param($S, $Ctx) Disconnect-Org -All -Revoke -HomePath $Ctx.Home -Force -Confirm:$false -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Disconnect-Org '-Revoke, 500 echoing the token (HTML)' -Ctx @{ Home = New-SecretSfHome $script:Echo500.BaseUrl } -Script {
                param($S, $Ctx) Disconnect-Org secreta, secret-b@fixture.example.com -Revoke -HomePath $Ctx.Home -Force -Confirm:$false -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Disconnect-Org '-Revoke, server unreachable' -Ctx @{ Home = New-SecretSfHome $script:Unreachable } -Script {
                param($S, $Ctx) Disconnect-Org -All -Revoke -TimeoutSec 5 -HomePath $Ctx.Home -Force -Confirm:$false -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Disconnect-Org '-Revoke, server silent past -TimeoutSec' -Ctx @{ Home = New-SecretSfHome $script:SilentUrl } -Script {
                param($S, $Ctx) Disconnect-Org -All -Revoke -TimeoutSec 1 -HomePath $Ctx.Home -Force -Confirm:$false -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Disconnect-Org 'local logout, with an auth file cut off inside a token' -Ctx @{ Home = New-SecretSfHome $script:Ok.BaseUrl -Damaged } -Script {
                param($S, $Ctx) Disconnect-Org -All -HomePath $Ctx.Home -Force -Confirm:$false -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Disconnect-Org 'unknown org' -Ctx @{ Home = New-SecretSfHome $script:Ok.BaseUrl } -Script {
                param($S, $Ctx) Disconnect-Org nosuchorg -Revoke -HomePath $Ctx.Home -Force -Confirm:$false -Verbose -Debug -WarningAction Continue }
        )
        Assert-NoLeak $results
        $script:Echo400.State.Requests | Should -BeGreaterThan 0 -Because 'the tokens reached the echoing server'
        @($results[1].Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 2 -Because 'each org''s RevokeFailed quotes the scrubbed echo'
    }

    It 'Get-CodexAuthStatus shows no codex token or key' {
        $results = foreach ($kind in 'chatgpt', 'apikey', 'legacy', 'damaged') {
            Invoke-SecretScenario Get-CodexAuthStatus $kind -Ctx @{ Home = New-SecretCodexHome $kind } -Script {
                param($S, $Ctx) Get-CodexAuthStatus -CodexHome $Ctx.Home -Verbose -Debug -WarningAction Continue }
        }
        Assert-NoLeak $results
    }

    It 'Remove-CodexToken shows no codex token or key, whatever the revocation server echoes' {
        $cases = @(
            @{ Name = 'ChatGPT login, server revokes'; Kind = 'chatgpt'; Url = $script:Ok.BaseUrl }
            @{ Name = 'ChatGPT login, 400 echoing the refresh token (JSON)'; Kind = 'chatgpt'; Url = $script:Echo400.BaseUrl }
            @{ Name = 'access token only, 500 echoing it (HTML)'; Kind = 'access-only'; Url = $script:Echo500.BaseUrl }
            @{ Name = 'ChatGPT login, server unreachable'; Kind = 'chatgpt'; Url = $script:Unreachable }
            @{ Name = 'API key'; Kind = 'apikey'; Url = $script:Ok.BaseUrl }
            @{ Name = 'legacy auth_token in config.toml'; Kind = 'legacy'; Url = $script:Ok.BaseUrl }
            @{ Name = 'damaged auth.json'; Kind = 'damaged'; Url = $script:Ok.BaseUrl }
        )
        $results = foreach ($case in $cases) {
            Invoke-SecretScenario Remove-CodexToken $case.Name -Ctx @{ Home = New-SecretCodexHome $case.Kind; Url = "$($case.Url)/oauth/revoke" } -Script {
                param($S, $Ctx)
                $env:CODEX_REVOKE_TOKEN_URL_OVERRIDE = $Ctx.Url
                Remove-CodexToken -CodexHome $Ctx.Home -Force -Confirm:$false -Verbose -Debug -WarningAction Continue }
        }
        $results += Invoke-SecretScenario Remove-CodexToken '-SkipRevoke' -Ctx @{ Home = New-SecretCodexHome chatgpt } -Script {
            param($S, $Ctx) Remove-CodexToken -CodexHome $Ctx.Home -SkipRevoke -Force -Confirm:$false -Verbose -Debug -WarningAction Continue }
        Assert-NoLeak $results
        $script:Echo500.State.Requests | Should -BeGreaterThan 0 -Because 'the access token reached the echoing server'
    }

    It 'Get-Auth0LogoutUrl shows the id_token_hint in no record (Url masks it; GetUri() is the URL to open)' {
        # Auth0LogoutUrl.GetUri() holds the hint the user asked for, by design; it is a method, so no view above calls it,
        # and nothing is excluded from the checks.
        $results = @(
            Invoke-SecretScenario Get-Auth0LogoutUrl '-Oidc -IdTokenHint' -Script {
                param($S, $Ctx) Get-Auth0LogoutUrl -BaseUri 'http://127.0.0.1:9/' -Oidc -IdTokenHint $S.Auth0IdTokenHint -ClientId CID -PostLogoutRedirectUri 'http://127.0.0.1:9/bye' -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Get-Auth0LogoutUrl 'invalid post_logout_redirect_uri' -Script {
                param($S, $Ctx) Get-Auth0LogoutUrl -BaseUri 'http://127.0.0.1:9/' -Oidc -IdTokenHint $S.Auth0IdTokenHint -PostLogoutRedirectUri 'javascript:alert(1)' -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Get-Auth0LogoutUrl 'invalid domain' -Script {
                param($S, $Ctx) Get-Auth0LogoutUrl -Domain 'no such domain' -Oidc -IdTokenHint $S.Auth0IdTokenHint -Verbose -Debug -WarningAction Continue }
        )
        Assert-NoLeak $results
        $url = $results[0].Records | Where-Object { $_ -is [LogoutModule.Core.Auth0.Auth0LogoutUrl] }
        $url.GetUri().Query.Contains([uri]::EscapeDataString($script:S.Auth0IdTokenHint.Value)) | Should -BeTrue -Because 'the URL to open carries the hint'
    }

    It 'Disconnect-Auth0Session shows the id_token_hint in no record' -Skip:$IsWindows {
        $env:PATH = $script:BrowserDir.FullName + [IO.Path]::PathSeparator + $script:Saved.Path
        try {
            $results = @(
                Invoke-SecretScenario Disconnect-Auth0Session '-NoBrowser' -Script {
                    param($S, $Ctx) Disconnect-Auth0Session -BaseUri 'http://127.0.0.1:9/' -Oidc -IdTokenHint $S.Auth0IdTokenHint -ClientId CID -NoBrowser -Verbose -Debug -WarningAction Continue }
                Invoke-SecretScenario Disconnect-Auth0Session 'browser opened' -Script {
                    param($S, $Ctx) Disconnect-Auth0Session -BaseUri 'http://127.0.0.1:9/' -Oidc -IdTokenHint $S.Auth0IdTokenHint -ClientId CID -Confirm:$false -Verbose -Debug -WarningAction Continue }
                Invoke-SecretScenario Disconnect-Auth0Session '-Wait, the browser returns' -Script {
                    param($S, $Ctx) Disconnect-Auth0Session -BaseUri 'http://127.0.0.1:9/' -Oidc -IdTokenHint $S.Auth0IdTokenHint -ClientId CID -Wait -TimeoutSec 60 -Confirm:$false -Verbose -Debug -WarningAction Continue }
                Invoke-SecretScenario Disconnect-Auth0Session 'invalid post_logout_redirect_uri' -Script {
                    param($S, $Ctx) Disconnect-Auth0Session -BaseUri 'http://127.0.0.1:9/' -Oidc -IdTokenHint $S.Auth0IdTokenHint -PostLogoutRedirectUri 'javascript:alert(1)' -Confirm:$false -Verbose -Debug -WarningAction Continue }
            )
            $env:PATH = $script:NoBrowserDir.FullName
            $results += Invoke-SecretScenario Disconnect-Auth0Session 'no browser to open' -Script {
                param($S, $Ctx) Disconnect-Auth0Session -BaseUri 'http://127.0.0.1:9/' -Oidc -IdTokenHint $S.Auth0IdTokenHint -ClientId CID -Confirm:$false -Verbose -Debug -WarningAction Continue }
        }
        finally { $env:PATH = $script:Saved.Path }
        Assert-NoLeak $results
        ($results[2].Records | Where-Object { $_ -is [LogoutModule.Core.Auth0.Auth0LogoutSession] }).Returned | Should -BeTrue -Because 'the stand-in browser came back'
        $results[4].Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -Not -BeNullOrEmpty
    }

    It 'Test-Auth0LogoutUrl shows no Management API token, whatever the server echoes' {
        $read = { param($S, $Ctx) Test-Auth0LogoutUrl 'http://127.0.0.1:9/bye' -BaseUri $Ctx.Url -ClientId CID -ManagementToken $S.Auth0ManagementToken -TimeoutSec 5 -Verbose -Debug -WarningAction Continue }
        $results = @(
            Invoke-SecretScenario Test-Auth0LogoutUrl '-ManagementToken, server answers' -Ctx @{ Url = "$($script:Ok.BaseUrl)/" } -Script $read
            Invoke-SecretScenario Test-Auth0LogoutUrl '-ManagementToken, 400 echoing it (JSON)' -Ctx @{ Url = "$($script:Echo400.BaseUrl)/" } -Script $read
            Invoke-SecretScenario Test-Auth0LogoutUrl '-ManagementToken, 500 echoing it (HTML)' -Ctx @{ Url = "$($script:Echo500.BaseUrl)/" } -Script $read
            Invoke-SecretScenario Test-Auth0LogoutUrl '-ManagementToken, server unreachable' -Ctx @{ Url = "$($script:Unreachable)/" } -Script $read
            Invoke-SecretScenario Test-Auth0LogoutUrl '-ManagementToken, tenant settings, silent server' -Ctx @{ Url = "$($script:SilentUrl)/" } -Script {
                param($S, $Ctx) Test-Auth0LogoutUrl 'http://127.0.0.1:9/bye' -BaseUri $Ctx.Url -ManagementToken $S.Auth0ManagementToken -TimeoutSec 1 -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Test-Auth0LogoutUrl '-Probe, 400 echo' -Ctx @{ Url = "$($script:Echo400.BaseUrl)/" } -Script {
                param($S, $Ctx) Test-Auth0LogoutUrl 'http://127.0.0.1:9/bye' -BaseUri $Ctx.Url -ClientId CID -Probe -TimeoutSec 5 -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Test-Auth0LogoutUrl '-AllowedLogoutUrl' -Script {
                param($S, $Ctx) Test-Auth0LogoutUrl 'http://127.0.0.1:9/bye' -AllowedLogoutUrl 'http://127.0.0.1:9/*' -Verbose -Debug -WarningAction Continue }
        )
        Assert-NoLeak $results
    }

    It 'Revoke-Auth0RefreshToken shows neither refresh token nor client secret, whatever the server echoes' {
        $revoke = { param($S, $Ctx) Revoke-Auth0RefreshToken -BaseUri $Ctx.Url -ClientId CID -ClientSecret $S.Auth0ClientSecret -RefreshToken $S.Auth0Refresh -TimeoutSec 5 -Confirm:$false -Verbose -Debug -WarningAction Continue }
        $results = @(
            Invoke-SecretScenario Revoke-Auth0RefreshToken 'server revokes' -Ctx @{ Url = "$($script:Ok.BaseUrl)/" } -Script $revoke
            Invoke-SecretScenario Revoke-Auth0RefreshToken '400 echoing both (JSON)' -Ctx @{ Url = "$($script:Echo400.BaseUrl)/" } -Script $revoke
            Invoke-SecretScenario Revoke-Auth0RefreshToken '500 echoing both (HTML)' -Ctx @{ Url = "$($script:Echo500.BaseUrl)/" } -Script $revoke
            Invoke-SecretScenario Revoke-Auth0RefreshToken 'server unreachable' -Ctx @{ Url = "$($script:Unreachable)/" } -Script $revoke
            Invoke-SecretScenario Revoke-Auth0RefreshToken 'server silent past -TimeoutSec' -Ctx @{ Url = "$($script:SilentUrl)/" } -Script {
                param($S, $Ctx) Revoke-Auth0RefreshToken -BaseUri $Ctx.Url -ClientId CID -RefreshToken $S.Auth0Refresh -TimeoutSec 1 -Confirm:$false -Verbose -Debug -WarningAction Continue }
            Invoke-SecretScenario Revoke-Auth0RefreshToken '-Credential from the pipeline, 400 echo' -Ctx @{ Url = "$($script:Echo400.BaseUrl)/" } -Script {
                param($S, $Ctx)
                [pscustomobject]@{ refresh_token = $S.Auth0Refresh } |
                    Revoke-Auth0RefreshToken -BaseUri $Ctx.Url -Credential ([pscredential]::new('CID', $S.Auth0ClientSecret)) -Confirm:$false -Verbose -Debug -WarningAction Continue }
        )
        Assert-NoLeak $results
    }
}
