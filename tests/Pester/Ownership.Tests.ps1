# Suite (d) of issue #10 (fault 2, owner changed): run as root (sudo, an admin offboarding a user) on files owned by
# uid 1000, every rewrite used to make them root:root, so the user's own codex could no longer read config.toml and
# sf could no longer write alias.json. Every file the cmdlets rewrite must keep owner, group and mode.
# Only root may give files away, so it skips for other users; CI runs as root. No user account is needed: files are
# chowned by number and the user's own tools run under setpriv with that uid.
BeforeDiscovery {
    $script:NotRoot = $IsWindows -or ((id -u) -ne '0')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
    $script:User = '1000:1000'

    function Set-UserOwned([string] $Path) {
        # The whole tree becomes the user's, as it is on their machine; modes are the ones sf and codex give.
        chown -R $script:User $Path
        if ($LASTEXITCODE -ne 0) { throw "chown $Path failed" }
    }

    function Get-Ownership([string[]] $Paths) {
        # "path uid:gid mode" per file, one string, for an exact before/after comparison.
        ($Paths | ForEach-Object { "$_ $(stat -c '%u:%g %a' -- $_)" }) -join "`n"
    }

    function Invoke-AsUser([string] $File, [string[]] $Arguments, [hashtable] $Environment) {
        # The user's own tool as uid/gid 1000 with no supplementary groups; returns exit code and merged output.
        $envArgs = @($Environment.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" })
        $output = & setpriv --reuid=1000 --regid=1000 --clear-groups env -i "PATH=$env:PATH" @envArgs $File @Arguments 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
    }
}

Describe 'Ownership as root (suite d)' -Skip:$script:NotRoot {
    Context 'Disconnect-Org on a user''s sf home' {
        BeforeEach {
            $script:SfHome = Enter-SfFixtureHome
            Set-Location -LiteralPath (Join-Path $script:SfHome 'project')
            Set-UserOwned $script:SfHome
            chmod 640 (Join-Path $script:SfHome '.sfdx/alias.json') (Join-Path $script:SfHome '.sf/config.json')
            $script:Rewritten = '.sfdx/alias.json', '.sf/config.json', '.sfdx/sfdx-config.json', 'project/.sf/config.json',
                'project/.sfdx/sfdx-config.json' | ForEach-Object { Join-Path $script:SfHome $_ }
        }
        AfterEach { Exit-SfFixtureHome }

        It 'keeps owner, group and mode of alias.json and both config pairs' {
            $before = Get-Ownership $script:Rewritten
            $results = Disconnect-Org -All -Force
            $results.Count | Should -Be 12
            Get-Content -Raw (Join-Path $script:SfHome '.sfdx/alias.json') | Should -BeExactly '{"orgs":{}}'
            Get-Ownership $script:Rewritten | Should -BeExactly $before
            Write-Host "ownership: $($script:Rewritten.Count) files rewritten as root, owner/group/mode kept on all"
        }

        It 'gives a folder and file it creates (the project''s missing .sfdx mirror) the user''s owner and group' {
            # sf mirrors project/.sf/config.json into project/.sfdx/sfdx-config.json, making the folder when missing.
            Remove-Item -LiteralPath (Join-Path $script:SfHome 'project/.sfdx') -Recurse -Force
            Disconnect-Org -TargetOrg org2 -Force | Out-Null
            $created = 'project/.sfdx', 'project/.sfdx/sfdx-config.json' | ForEach-Object { Join-Path $script:SfHome $_ }
            $created | ForEach-Object { Test-Path -LiteralPath $_ | Should -BeTrue }
            ($created | ForEach-Object { stat -c '%u:%g' -- $_ }) | Should -Be @($script:User, $script:User)
        }

        It 'keeps owner, group and mode of an auth file it rewrites (-ClientApp)' {
            $authFile = Join-Path $script:SfHome '.sfdx/user2@fixture2.example.com.json'
            $before = Get-Ownership $authFile
            Disconnect-Org -TargetOrg org2 -ClientApp my-eca -Force | Out-Null
            Get-Content -Raw $authFile | Should -Not -Match 'my-eca'
            Get-Ownership $authFile | Should -BeExactly $before
        }
    }

    Context 'Remove-CodexToken on a user''s codex home' {
        It 'keeps owner, group and mode of config.toml, and the user''s codex login status can still read it' {
            $codexHome = New-CodexFixtureHome -Auth apikey -LegacyAuthToken
            Set-UserOwned $codexHome
            chmod 700 $codexHome; chmod 600 (Join-Path $codexHome 'config.toml') (Join-Path $codexHome 'auth.json')
            $config = Join-Path $codexHome 'config.toml'
            $before = Get-Ownership $config

            Remove-CodexToken -CodexHome $codexHome -Force | Out-Null

            Get-Content -Raw $config | Should -Not -Match 'auth_token'
            Get-Ownership $config | Should -BeExactly $before
            # codex's lock files, created here and never deleted (codex keeps them too), are the user's.
            ('auth.lock', 'auth.json.lock' | ForEach-Object { stat -c '%u:%g' -- (Join-Path $codexHome $_) }) | Should -Be @($script:User, $script:User)
            if ($env:LOGOUT_CODEX) {
                # The fault's consequence: the user's own `codex login status` failed with "Permission denied". The peer
                # is installed under root's home, which the user cannot enter: the user runs a copy of the binary.
                $codex = Join-Path $TestDrive 'codex'
                Copy-Item -LiteralPath $env:LOGOUT_CODEX -Destination $codex; chmod 755 $TestDrive $codex
                $status = Invoke-AsUser $codex @('login', 'status') @{ HOME = $codexHome; CODEX_HOME = $codexHome }
                $status.Output | Should -Not -Match 'Permission denied'
                $status.Output | Should -Match 'Not logged in'
            }
        }
    }
}
