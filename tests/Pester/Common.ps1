# Shared set-up for the Pester suites: the built module, and sf fixture homes in TestDrive.
$script:ModuleManifest = Join-Path $PSScriptRoot '../../out/LogoutModule/LogoutModule.psd1'
$script:SharedFixtures = Join-Path $PSScriptRoot '../../../shared/reference/fixtures'
# This very PowerShell, for child processes (-NonInteractive runs, fresh sessions): the dotnet tool's pwsh is an apphost
# in $PSHOME, so no pwsh on PATH is needed.
$script:Pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })

function Invoke-NonInteractive([string] $Script) {
    # Runs $Script in a child pwsh -NonInteractive, in this location, with the built module imported and this session's
    # environment (HOME, CODEX_HOME, ...): a prompting path is tested where no prompt can show, so the suite never stops
    # at a real question when it is started from an interactive pwsh. Returns every stream's text.
    $location = $PWD.ProviderPath -replace "'", "''"
    $manifest = (Resolve-Path -LiteralPath $script:ModuleManifest).ProviderPath -replace "'", "''"
    # pwsh keeps its caches under XDG folders (else in HOME, which the tests compare byte for byte): one folder beside.
    $saved = $env:XDG_CACHE_HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME
    $env:XDG_CACHE_HOME = $env:XDG_DATA_HOME = $env:XDG_CONFIG_HOME = Join-Path $TestDrive 'child-pwsh-xdg'
    try {
        & $script:Pwsh -NoProfile -NonInteractive -Command "Set-Location -LiteralPath '$location'; Import-Module '$manifest'; $Script" *>&1 |
            ForEach-Object { "$_" }
    }
    finally { $env:XDG_CACHE_HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME = $saved }
}

function New-SfFixtureHome {
    # A copy of the shared sf home (12 orgs and a project) with key.json at mode 600, as sf requires.
    $sfHome = Join-Path $TestDrive ("sf-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    Copy-Item -LiteralPath (Join-Path $script:SharedFixtures 'sf-home') -Destination $sfHome -Recurse
    if (-not $IsWindows) { chmod -R u+w $sfHome; chmod 600 (Join-Path $sfHome '.sfdx/key.json') }
    $sfHome
}

function Enter-SfFixtureHome {
    # Points HOME/USERPROFILE at a fresh fixture copy (generic keychain) and moves outside any project; returns the home.
    $script:SavedSfEnvironment = $env:HOME, $env:USERPROFILE, $env:SF_USE_GENERIC_UNIX_KEYCHAIN
    $sfHome = New-SfFixtureHome
    $env:HOME = $sfHome; $env:USERPROFILE = $sfHome; $env:SF_USE_GENERIC_UNIX_KEYCHAIN = 'true'
    Push-Location -LiteralPath $TestDrive
    $sfHome
}

function Exit-SfFixtureHome {
    Pop-Location
    $env:HOME, $env:USERPROFILE, $env:SF_USE_GENERIC_UNIX_KEYCHAIN = $script:SavedSfEnvironment
}

function New-CodexFixtureHome {
    # A CODEX_HOME in TestDrive with copies of the shared codex fixtures: an apikey or chatgpt auth.json, and/or the
    # config.toml holding the design document's auth_token.
    param([ValidateSet('apikey', 'chatgpt', 'none')] [string] $Auth = 'none', [switch] $LegacyAuthToken)
    $codexHome = Join-Path $TestDrive ("codex-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $codexHome | Out-Null
    if ($Auth -ne 'none') { Copy-Item -LiteralPath (Join-Path $script:SharedFixtures "codex-auth-$Auth.json") -Destination (Join-Path $codexHome 'auth.json') }
    if ($LegacyAuthToken) { Copy-Item -LiteralPath (Join-Path $script:SharedFixtures 'codex-config-auth_token.toml') -Destination (Join-Path $codexHome 'config.toml') }
    $codexHome
}

function Get-FolderState([string] $Path) {
    # Every file below Path with its SHA-256, as one string: equal strings mean no byte and no file changed.
    (Get-ChildItem -LiteralPath $Path -Recurse -Force -File | Sort-Object FullName |
        ForEach-Object { "$($_.FullName) $((Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash)" }) -join "`n"
}

function Get-CodexFixtureSecrets {
    # Every key and token in the codex fixtures: none may appear in anything a cmdlet shows.
    $apiKey = Get-Content -Raw (Join-Path $script:SharedFixtures 'codex-auth-apikey.json') | ConvertFrom-Json
    $chatGpt = (Get-Content -Raw (Join-Path $script:SharedFixtures 'codex-auth-chatgpt.json') | ConvertFrom-Json).tokens
    $apiKey.OPENAI_API_KEY, $chatGpt.id_token, $chatGpt.access_token, $chatGpt.refresh_token, 'legacy-token-from-design-doc'
}

function Invoke-Transcribed([scriptblock] $Script) {
    # Host-only text (What if: lines) as one unwrapped string; the transcript wraps at the console width.
    $transcript = Join-Path $TestDrive ("transcript-" + [guid]::NewGuid().ToString('N') + '.txt')
    Start-Transcript -LiteralPath $transcript | Out-Null
    try { & $Script | Out-Null } finally { Stop-Transcript | Out-Null }
    (Get-Content -Raw -LiteralPath $transcript) -replace '\r?\n', ''
}

function Start-OAuth2MockServer {
    # The real oauth2-mock-server (npm) with Auth0's /oidc/logout and /oauth/revoke paths, on 127.0.0.1.
    # Returns $null when .ci/install-peers.sh has not installed it (the caller skips), unless LOGOUT_REQUIRE_INTEROP=1.
    if (-not $env:LOGOUT_OAUTH2_MOCK_DIR -or -not $env:LOGOUT_NODE22) {
        if ($env:LOGOUT_REQUIRE_INTEROP -eq '1') { throw 'LOGOUT_OAUTH2_MOCK_DIR or LOGOUT_NODE22 is not set: .ci/install-peers.sh did not install oauth2-mock-server' }
        return $null
    }
    $start = [System.Diagnostics.ProcessStartInfo]::new($env:LOGOUT_NODE22)
    $start.ArgumentList.Add((Join-Path $PSScriptRoot '../Interop/auth0/oauth2-mock-server.mjs'))
    $start.RedirectStandardInput = $true; $start.RedirectStandardOutput = $true; $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $port = ($process.StandardOutput.ReadLine() | ConvertFrom-Json).port
    [pscustomobject]@{ Process = $process; BaseUri = [uri]"http://127.0.0.1:$port/" }
}

function Stop-OAuth2MockServer($Server) {
    if (-not $Server) { return }
    $Server.Process.StandardInput.Close()
    if (-not $Server.Process.WaitForExit(5000)) { $Server.Process.Kill($true) }
}

function Get-AllText([scriptblock]$Command) {
    # Everything a user would see: every stream, plus the host-only text (What if: lines) from Invoke-Transcribed.
    $streams = [System.Collections.Generic.List[string]]::new()
    $hostText = Invoke-Transcribed { $streams.Add((& $Command *>&1 | Out-String -Width 500)) }
    ($streams -join "`n") + $hostText
}

function Start-SilentServer {
    # A loopback port that takes connections (the kernel completes them) but never answers: a server that hangs.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $listener
}

function Measure-CtrlC {
    # Runs $Script in a fresh runspace with the built module, waits (at most 20 s) until $Started, given the
    # [powershell] instance, says the command is inside its wait, then stops it as Ctrl+C does, waiting at most 5 s.
    # Returns how long stopping took, the final state, and the errors and progress records written.
    param([scriptblock] $Script, [scriptblock] $Started)
    $session = [initialsessionstate]::CreateDefault2()
    $session.ImportPSModule([string[]] @($script:ModuleManifest))
    $shell = [powershell]::Create($session)
    $null = $shell.AddScript($Script.ToString())
    $handle = $shell.BeginInvoke()
    $deadline = [DateTime]::UtcNow.AddSeconds(20)
    while (-not (& $Started $shell) -and -not $handle.IsCompleted -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
    $reached = [bool](& $Started $shell)
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $stopped = $shell.BeginStop($null, $null).AsyncWaitHandle.WaitOne(5000)
    $stopSeconds = $clock.Elapsed.TotalSeconds
    $result = [pscustomobject]@{
        Reached     = $reached
        StopSeconds = $stopSeconds
        State       = $shell.InvocationStateInfo.State
        Errors      = @($shell.Streams.Error)
        Progress    = @($shell.Streams.Progress)
    }
    # A command that ignored the stop ends at its own time limit; disposing it now would block until then.
    if ($stopped) { $shell.Dispose() }
    $result
}

function Start-LoopbackHttpServer {
    # An HTTP server on 127.0.0.1 (port 0) in a background runspace: each request is read, then answered with -Status
    # and -Body after -DelaySeconds; .State.Requests counts the requests read. With -Echo the body instead echoes every
    # value the request carried (query and body values, a bearer token) in raw, form-encoded (%2F %2B %3D, upper and
    # lower hex) and JSON-escaped (\/ \u002B \u003d) spellings, as a JSON error answer or, with -EchoAs Html, as a page:
    # a server whose error text repeats the token it was sent. Stop it with Stop-LoopbackHttpServer.
    param([int] $Status = 200, [string] $Body = '', [switch] $Echo, [ValidateSet('Json', 'Html')] [string] $EchoAs = 'Json', [double] $DelaySeconds = 0)
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $state = [hashtable]::Synchronized(@{ Requests = 0 })
    $runspace = [powershell]::Create()
    $null = $runspace.AddScript({
        param($listener, $status, $body, $state, $echo, $echoAs, $delay)
        while ($true) {
            try { $client = $listener.AcceptTcpClient() } catch { return }
            try {
                $stream = $client.GetStream()
                $reader = [System.IO.StreamReader]::new($stream, [System.Text.Encoding]::ASCII)
                $length = 0; $values = [System.Collections.Generic.List[string]]::new()
                $target = ($reader.ReadLine() -split ' ')[1]
                while (($line = $reader.ReadLine())) {
                    if ($line -match '^Content-Length:\s*(\d+)') { $length = [int]$Matches[1] }
                    if ($line -match '^Authorization:\s*Bearer\s+(.+)$') { $values.Add($Matches[1]) }
                }
                $buffer = [char[]]::new($length); $read = 0
                while ($read -lt $length) { $read += $reader.Read($buffer, $read, $length - $read) }
                $state.Requests++
                if ($delay -gt 0) { Start-Sleep -Milliseconds ([int]($delay * 1000)) }
                $answer = $body
                if ($echo) {
                    $posted = [string]::new($buffer)
                    $pairs = @(if ($target -match '\?(.*)$') { $Matches[1] -split '&' }) + @(if ($posted -notmatch '^\s*\{') { $posted -split '&' })
                    foreach ($pair in $pairs) { if ($pair -match '^[^=]+=(.+)$') { $values.Add([uri]::UnescapeDataString($Matches[1].Replace('+', ' '))) } }
                    if ($posted -match '^\s*\{') { ($posted | ConvertFrom-Json).PSObject.Properties | Where-Object { $_.Value -is [string] } | ForEach-Object { $values.Add($_.Value) } }
                    $spellings = foreach ($value in $values) {
                        $encoded = [uri]::EscapeDataString($value)
                        $value, $encoded, [regex]::Replace($encoded, '%[0-9A-F]{2}', { $args[0].Value.ToLowerInvariant() }),
                            $value.Replace('/', '\/').Replace('+', '\u002B').Replace('=', '\u003d')
                    }
                    $text = "invalid_request echo: $($spellings -join ' ')"
                    $answer = if ($echoAs -eq 'Html') { "<html><body><h1>Bad request</h1><p>$text</p></body></html>" }
                              else { @{ error = $text; error_description = $text; message = $text } | ConvertTo-Json -Compress }
                }
                $bytes = [System.Text.Encoding]::UTF8.GetBytes($answer)
                $head = [System.Text.Encoding]::ASCII.GetBytes("HTTP/1.1 $status X`r`nContent-Length: $($bytes.Length)`r`nConnection: close`r`n`r`n")
                $stream.Write($head, 0, $head.Length); $stream.Write($bytes, 0, $bytes.Length)
            } catch { } finally { $client.Dispose() }
        }
    }).AddArgument($listener).AddArgument($Status).AddArgument($Body).AddArgument($state).AddArgument([bool]$Echo).AddArgument($EchoAs).AddArgument($DelaySeconds)
    $handle = $runspace.BeginInvoke()
    [pscustomobject]@{ Listener = $listener; PowerShell = $runspace; Handle = $handle; State = $state; BaseUrl = "http://127.0.0.1:$($listener.LocalEndpoint.Port)" }
}

function Stop-LoopbackHttpServer($Server) {
    if (-not $Server) { return }
    $Server.Listener.Stop()
    $Server.PowerShell.Stop()
    $Server.PowerShell.Dispose()
}

function Set-SfInstanceUrl([string] $SfHome, [string] $Url, [string[]] $Username) {
    # Points the orgs' instanceUrl (what -Revoke posts to) at Url, keeping sf's 2-space JSON; all orgs when none named.
    $files = if ($Username) { $Username | ForEach-Object { Join-Path $SfHome ".sfdx/$_.json" } }
             else { Get-ChildItem -LiteralPath (Join-Path $SfHome '.sfdx') -Filter '*@*.json' | ForEach-Object FullName }
    foreach ($file in $files) {
        $json = Get-Content -Raw -LiteralPath $file | ConvertFrom-Json
        $json.instanceUrl = $Url
        Set-Content -LiteralPath $file -NoNewline -Value ($json | ConvertTo-Json -Depth 10)
    }
}
