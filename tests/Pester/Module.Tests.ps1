BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

Describe 'LogoutModule' {
    It 'has a valid manifest for both editions' {
        $manifest = Test-ModuleManifest -Path $script:ModuleManifest
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $manifest = Test-ModuleManifest -Path $script:ModuleManifest
        (Get-Command -Module LogoutModule).Name | Sort-Object | Should -Be ($manifest.ExportedCmdlets.Keys | Sort-Object)
    }

    It 'loads the edition''s cmdlet assembly as its root module, with no script module in between' {
        # A .psm1 loader cost a fresh pwsh a script parse, a module scope and a nested import (issue 13).
        $module = Get-Module LogoutModule
        $module.ModuleType | Should -Be 'Binary'
        $module.Path | Should -Be (Join-Path $module.ModuleBase 'net8.0/LogoutCmdlets.dll')
        $module.NestedModules | Should -BeNullOrEmpty
    }

    It 'ships written help, with an example, for every cmdlet' {
        foreach ($command in Get-Command -Module LogoutModule) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -Match '^\s*$' -Because $command.Name
            $help.Synopsis | Should -Not -Match ([regex]::Escape($command.Name + ' ')) -Because "$($command.Name) must not fall back to generated help"
            @($help.Examples.Example).Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }
}
